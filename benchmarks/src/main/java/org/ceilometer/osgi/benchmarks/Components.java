package org.ceilometer.osgi.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;
import javax.xml.parsers.DocumentBuilderFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Declarative Services components of the bundles on the class path, made outside OSGi: each jar's
 * {@code Service-Component} descriptors are read, and the components that provide one of the wanted
 * interfaces are built as SCR would build them: through the constructor of {@code init} parameters, a
 * configuration annotation answering from the component's properties and configuration (else its
 * defaults), a {@code Map} receiving them, a {@code BundleContext} that only takes registrations, and
 * constructor references. A reference is served by the component of the same bundle whose class
 * implements its interface (such a component registers itself through its bundle context, as the RGW
 * admin client does), built the same way and shared.
 */
final class Components {
    /** One component found: its bundle, name, properties and instance. */
    record Found(String bundle, String name, String service, Map<String, Object> properties, Object instance) {}

    private Components() {}

    /** What the benchmark puts between a component and a reference it gets: the reference itself, or a wrapper. */
    @FunctionalInterface
    interface ReferenceWrapper {
        Object wrap(Class<?> type, Object service);
    }

    /** A parsed descriptor. */
    private record Descriptor(String bundle, Element element) {}

    /**
     * Every component on the class path that provides one of {@code services} (interface names).
     *
     * @param configurations properties per configuration PID, as ConfigAdmin would hand them
     */
    static List<Found> load(ClassLoader loader, List<String> services, Map<String, Map<String, Object>> configurations,
            ReferenceWrapper wrapper) throws Exception {
        List<Descriptor> all = new ArrayList<>();
        List<Found> out = new ArrayList<>();
        Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
        while (manifests.hasMoreElements()) {
            URL mf = manifests.nextElement();
            Manifest m;
            try (InputStream in = mf.openStream()) {
                m = new Manifest(in);
            }
            String header = m.getMainAttributes().getValue("Service-Component");
            String bsn = m.getMainAttributes().getValue("Bundle-SymbolicName");
            if (header == null || bsn == null) {
                continue;
            }
            bsn = bsn.split(";")[0].trim();
            String base = mf.toString().substring(0, mf.toString().length() - "META-INF/MANIFEST.MF".length());
            for (String path : header.split(",")) {
                path = path.trim();
                if (path.isEmpty() || path.contains("*")) {
                    continue;
                }
                Document doc;
                try (InputStream in = new URL(base + path).openStream()) {
                    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                    f.setNamespaceAware(true);
                    doc = f.newDocumentBuilder().parse(in);
                } catch (IOException e) {
                    throw new IOException(bsn + ": cannot read " + path + ": " + e.getMessage(), e);
                }
                all.add(new Descriptor(bsn, doc.getDocumentElement()));
            }
        }
        Context ctx = new Context(loader, all, configurations, wrapper);
        for (Descriptor d : all) {
            String service = provided(d.element(), services);
            if (service != null) {
                Map<String, Object> props = ctx.properties(d.element());
                Object instance = ctx.instantiate(d, props);
                out.add(new Found(d.bundle(), d.element().getAttribute("name"), service, props, instance));
            }
        }
        return out;
    }

    private static String provided(Element c, List<String> services) {
        NodeList provides = c.getElementsByTagName("provide");
        for (int i = 0; i < provides.getLength(); i++) {
            String iface = ((Element) provides.item(i)).getAttribute("interface");
            if (services.contains(iface)) {
                return iface;
            }
        }
        return null;
    }

    /** What building components needs: the descriptors, configurations, and the references made so far. */
    private static final class Context {
        private final ClassLoader loader;
        private final List<Descriptor> all;
        private final Map<String, Map<String, Object>> configurations;
        private final ReferenceWrapper wrapper;
        private final Map<String, Object> providers = new LinkedHashMap<>();

        Context(ClassLoader loader, List<Descriptor> all, Map<String, Map<String, Object>> configurations,
                ReferenceWrapper wrapper) {
            this.loader = loader;
            this.all = all;
            this.configurations = configurations;
            this.wrapper = wrapper;
        }

        /** The component's own properties, then those of its configuration PIDs (unless it ignores them). */
        Map<String, Object> properties(Element c) {
            Map<String, Object> props = Components.properties(c);
            if (!"ignore".equals(c.getAttribute("configuration-policy"))) {
                String pids = c.hasAttribute("configuration-pid") ? c.getAttribute("configuration-pid")
                        : c.getAttribute("name");
                for (String pid : pids.trim().split("\\s+")) {
                    props.putAll(configurations.getOrDefault(pid, Map.of()));
                }
            }
            return props;
        }

        Object instantiate(Descriptor d, Map<String, Object> props) throws Exception {
            Element c = d.element();
            Class<?> type = loader.loadClass(((Element) c.getElementsByTagName("implementation").item(0))
                    .getAttribute("class"));
            Map<Integer, Object> refs = new LinkedHashMap<>();
            NodeList references = c.getElementsByTagName("reference");
            for (int i = 0; i < references.getLength(); i++) {
                Element r = (Element) references.item(i);
                if (!r.hasAttribute("parameter")) {
                    throw new IllegalStateException(d.bundle() + ": " + c.getAttribute("name") + " has a field or "
                            + "method reference, which this loader does not inject");
                }
                Class<?> iface = loader.loadClass(r.getAttribute("interface"));
                Object service = wrapper.wrap(iface, provider(d.bundle(), iface));
                refs.put(Integer.parseInt(r.getAttribute("parameter")), service);
            }
            return Components.instantiate(type, c, props, refs);
        }

        /** The shared instance of the bundle's component that implements {@code iface}. */
        private Object provider(String bundle, Class<?> iface) throws Exception {
            Object known = providers.get(iface.getName());
            if (known != null) {
                return known;
            }
            for (Descriptor d : all) {
                if (!d.bundle().equals(bundle)) {
                    continue;
                }
                String impl = ((Element) d.element().getElementsByTagName("implementation").item(0))
                        .getAttribute("class");
                Class<?> type = loader.loadClass(impl);
                if (iface.isAssignableFrom(type)) {
                    Object instance = instantiate(d, properties(d.element()));
                    providers.put(iface.getName(), instance);
                    return instance;
                }
            }
            throw new IllegalStateException(bundle + ": no component implements " + iface.getName());
        }
    }

    private static Map<String, Object> properties(Element c) {
        Map<String, Object> props = new LinkedHashMap<>();
        NodeList list = c.getElementsByTagName("property");
        for (int i = 0; i < list.getLength(); i++) {
            Element p = (Element) list.item(i);
            String type = p.getAttribute("type").isEmpty() ? "String" : p.getAttribute("type");
            if (p.hasAttribute("value")) {
                props.put(p.getAttribute("name"), convert(type, p.getAttribute("value")));
            } else {
                String[] lines = p.getTextContent().trim().split("\\R");
                if (lines.length == 1) {
                    props.put(p.getAttribute("name"), convert(type, lines[0].trim()));
                } else {
                    List<Object> values = new ArrayList<>();
                    for (String l : lines) {
                        if (!l.isBlank()) {
                            values.add(convert(type, l.trim()));
                        }
                    }
                    props.put(p.getAttribute("name"), values.toArray());
                }
            }
        }
        props.put("component.name", c.getAttribute("name"));
        return props;
    }

    private static Object convert(String type, String v) {
        switch (type) {
            case "Integer":
                return Integer.valueOf(v);
            case "Long":
                return Long.valueOf(v);
            case "Boolean":
                return Boolean.valueOf(v);
            case "Double":
                return Double.valueOf(v);
            case "Float":
                return Float.valueOf(v);
            case "Short":
                return Short.valueOf(v);
            case "Byte":
                return Byte.valueOf(v);
            case "Character":
                return v.charAt(0);
            default:
                return v;
        }
    }

    private static Object instantiate(Class<?> type, Element c, Map<String, Object> props, Map<Integer, Object> refs)
            throws Exception {
        int init = c.hasAttribute("init") ? Integer.parseInt(c.getAttribute("init")) : 0;
        Constructor<?> ctor = null;
        for (Constructor<?> k : type.getDeclaredConstructors()) {
            if (k.getParameterCount() == init && (ctor == null || Modifier.isPublic(k.getModifiers()))) {
                ctor = k;
            }
        }
        if (ctor == null) {
            throw new IllegalStateException(type.getName() + " has no constructor of " + init + " parameters");
        }
        ctor.setAccessible(true);
        Object instance = ctor.newInstance(arguments(ctor.getParameterTypes(), props, refs, type));
        if (c.hasAttribute("activate")) {
            Method activate = null;
            for (Class<?> k = type; k != null && activate == null; k = k.getSuperclass()) {
                for (Method m : k.getDeclaredMethods()) {
                    if (m.getName().equals(c.getAttribute("activate"))) {
                        activate = m;
                        break;
                    }
                }
            }
            if (activate != null) {
                activate.setAccessible(true);
                activate.invoke(instance, arguments(activate.getParameterTypes(), props, Map.of(), type));
            }
        }
        return instance;
    }

    private static Object[] arguments(Class<?>[] types, Map<String, Object> props, Map<Integer, Object> refs,
            Class<?> owner) {
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            if (refs.containsKey(i)) {
                args[i] = refs.get(i);
            } else if (t == BundleContext.class) {
                args[i] = bundleContext();
            } else if (t.isAnnotation()) {
                args[i] = configuration(t, props);
            } else if (t == Map.class) {
                args[i] = new LinkedHashMap<>(props);
            } else {
                throw new IllegalStateException(owner.getName() + ": cannot inject a " + t.getName()
                        + " outside OSGi");
            }
        }
        return args;
    }

    /**
     * A bundle context outside any framework: it takes service registrations (and forgets them), and
     * answers properties from the system properties; anything else is unsupported.
     */
    static BundleContext bundleContext() {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (p, m, args) -> {
                    switch (m.getName()) {
                        case "registerService":
                            return Proxy.newProxyInstance(ServiceRegistration.class.getClassLoader(),
                                    new Class<?>[] {ServiceRegistration.class}, (r, rm, ra) -> {
                                        if (rm.getName().equals("hashCode")) {
                                            return System.identityHashCode(r);
                                        }
                                        if (rm.getName().equals("equals")) {
                                            return r == ra[0];
                                        }
                                        return null; // unregister, setProperties: nothing to do
                                    });
                        case "getProperty":
                            return System.getProperty((String) args[0]);
                        case "hashCode":
                            return System.identityHashCode(p);
                        case "equals":
                            return p == args[0];
                        case "toString":
                            return "BundleContext(outside OSGi)";
                        default:
                            throw new UnsupportedOperationException("outside OSGi: BundleContext." + m.getName());
                    }
                });
    }

    /** A component property type answering from the properties, else its defaults (DS 1.4 name mapping). */
    static Object configuration(Class<?> type, Map<String, Object> props) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            switch (m.getName()) {
                case "hashCode":
                    return System.identityHashCode(p);
                case "equals":
                    return p == args[0];
                case "toString":
                    return type.getSimpleName() + props;
                case "annotationType":
                    return type;
                default:
                    break;
            }
            Object v = props.get(propertyName(m.getName()));
            if (v == null) {
                return m.getDefaultValue();
            }
            return coerce(v, m.getReturnType());
        });
    }

    /**
     * The property of a configuration method, as DS 1.4 maps names: {@code $$} is {@code $}, {@code $_$} is
     * {@code -}, a lone {@code $} goes, {@code __} is {@code _}, {@code _} is {@code .}.
     */
    static String propertyName(String method) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < method.length(); i++) {
            char ch = method.charAt(i);
            if (ch == '$') {
                if (method.startsWith("$$", i)) {
                    sb.append('$');
                    i++;
                } else if (method.startsWith("$_$", i)) {
                    sb.append('-');
                    i += 2;
                }
            } else if (ch == '_') {
                if (method.startsWith("__", i)) {
                    sb.append('_');
                    i++;
                } else {
                    sb.append('.');
                }
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static Object coerce(Object v, Class<?> type) {
        if (type.isArray()) {
            Object[] values = v.getClass().isArray() ? (Object[]) v : new Object[] {v};
            Object arr = Array.newInstance(type.getComponentType(), values.length);
            for (int i = 0; i < values.length; i++) {
                Array.set(arr, i, coerce(values[i], type.getComponentType()));
            }
            return arr;
        }
        if (v.getClass().isArray()) {
            Object[] values = (Object[]) v;
            return values.length == 0 ? null : coerce(values[0], type);
        }
        String s = String.valueOf(v);
        if (type == String.class) {
            return s;
        } else if (type == int.class || type == Integer.class) {
            return v instanceof Number ? ((Number) v).intValue() : Integer.parseInt(s.trim());
        } else if (type == long.class || type == Long.class) {
            return v instanceof Number ? ((Number) v).longValue() : Long.parseLong(s.trim());
        } else if (type == boolean.class || type == Boolean.class) {
            return v instanceof Boolean ? v : Boolean.parseBoolean(s.trim());
        } else if (type == double.class || type == Double.class) {
            return v instanceof Number ? ((Number) v).doubleValue() : Double.parseDouble(s.trim());
        } else if (type == float.class || type == Float.class) {
            return v instanceof Number ? ((Number) v).floatValue() : Float.parseFloat(s.trim());
        } else if (type.isEnum()) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Object e = Enum.valueOf((Class) type, s.trim());
            return e;
        }
        return v;
    }
}
