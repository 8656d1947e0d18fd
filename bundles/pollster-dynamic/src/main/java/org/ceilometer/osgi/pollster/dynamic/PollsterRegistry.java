package org.ceilometer.osgi.pollster.dynamic;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.ceilometer.osgi.api.Namespaces;
import org.ceilometer.osgi.pollster.dynamic.DefinitionFile.Loaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The definition files known and the Pollster services made of them: one service per good definition,
 * with {@code ceilometer.namespace}, {@code ceilometer.meter} and {@code ceilometer.origin =
 * <file>#<name>}. When two files define the same name, the file first in path order wins (master's
 * order) and the other definition waits; it takes over when the first goes. Thread-safe.
 */
final class PollsterRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(PollsterRegistry.class);

    private record Active(Path file, DynamicPollster pollster, ServiceRegistrar.Registration registration,
            Map<String, Object> properties) {}

    private record Owner(Path file, Loaded loaded) {}

    private final ServiceRegistrar registrar;
    private final Function<Path, String> displayName;
    private final Clock clock;
    private final Map<Path, DefinitionFile> files = new TreeMap<>();
    private final Map<String, Active> active = new LinkedHashMap<>();
    /** The definitions that wait for another file's definition of the same name, as file#name. */
    private final Set<String> waiting = new HashSet<>();
    private boolean closed;

    PollsterRegistry(ServiceRegistrar registrar, Function<Path, String> displayName, Clock clock) {
        this.registrar = registrar;
        this.displayName = displayName;
        this.clock = clock;
    }

    /**
     * Reads a file (new or edited) and brings the services in line with it. Rejected definitions are
     * logged; a file that cannot be read counts as gone.
     */
    synchronized void install(Path file) {
        if (closed) {
            return;
        }
        String display = displayName.apply(file);
        DefinitionFile parsed;
        try {
            parsed = DefinitionFile.read(file, display);
        } catch (NoSuchFileException e) {
            uninstall(file);
            return;
        } catch (IOException e) {
            LOG.error("{}: cannot be read ({}); its pollsters are unregistered", display, e.getMessage());
            uninstall(file);
            return;
        }
        parsed.errors().forEach(LOG::error);
        parsed.warnings().forEach(LOG::warn);
        LOG.info("{}: {} dynamic pollster definition(s) loaded, {} rejected", display, parsed.loaded().size(),
                parsed.errors().size());
        files.put(file, parsed);
        reconcile(file);
    }

    /** The file is gone: its services are unregistered (a definition of another file may take over). */
    synchronized void uninstall(Path file) {
        if (files.remove(file) != null) {
            LOG.info("{}: removed; its dynamic pollsters are unregistered", displayName.apply(file));
            reconcile(file);
        }
    }

    /** Unregisters every service; later calls do nothing. */
    synchronized void close() {
        closed = true;
        for (Active a : active.values()) {
            a.registration().unregister();
            a.pollster().dispose();
        }
        active.clear();
        files.clear();
    }

    private void reconcile(Path changed) {
        Map<String, Owner> desired = new LinkedHashMap<>();
        Set<String> nowWaiting = new HashSet<>();
        for (Map.Entry<Path, DefinitionFile> f : files.entrySet()) {
            for (Loaded l : f.getValue().loaded()) {
                Owner prior = desired.putIfAbsent(l.definition().name, new Owner(f.getKey(), l));
                String key = f.getKey() + "#" + l.definition().name;
                if (prior != null && nowWaiting.add(key) && (!waiting.contains(key) || f.getKey().equals(changed))) {
                    LOG.error("{}: definition {} '{}' (line {}): field 'name': pollster '{}' is already defined by {}; "
                            + "this definition waits until that one is gone", displayName.apply(f.getKey()), l.index(),
                            l.definition().name, l.line(), l.definition().name, displayName.apply(prior.file()));
                }
            }
        }
        waiting.clear();
        waiting.addAll(nowWaiting);
        Iterator<Map.Entry<String, Active>> it = active.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Active> e = it.next();
            Owner o = desired.get(e.getKey());
            if (o == null || !o.file().equals(e.getValue().file())) {
                e.getValue().registration().unregister();
                e.getValue().pollster().dispose();
                it.remove();
                LOG.info("dynamic pollster {} from {} unregistered", e.getKey(), displayName.apply(e.getValue().file()));
            }
        }
        for (Map.Entry<String, Owner> e : desired.entrySet()) {
            String name = e.getKey();
            Owner o = e.getValue();
            PollsterDefinition def = o.loaded().definition();
            Map<String, Object> props = properties(o.file(), def);
            Active a = active.get(name);
            if (a == null) {
                DynamicPollster p = new DynamicPollster(def, (String) props.get(Namespaces.ORIGIN), clock);
                ServiceRegistrar.Registration reg = registrar.register(p, props);
                active.put(name, new Active(o.file(), p, reg, props));
                LOG.info("dynamic pollster {} registered from {} in {}", name, displayName.apply(o.file()),
                        String.join(", ", def.serviceNamespaces()));
            } else if (!a.pollster().definition().raw.equals(def.raw)) {
                a.pollster().update(def);
                if (!sameProperties(a.properties(), props)) {
                    a.registration().setProperties(props);
                    active.put(name, new Active(a.file(), a.pollster(), a.registration(), props));
                }
                LOG.info("dynamic pollster {} from {} updated", name, displayName.apply(o.file()));
            }
        }
    }

    private static boolean sameProperties(Map<String, Object> a, Map<String, Object> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (String k : a.keySet()) {
            Object x = a.get(k);
            Object y = b.get(k);
            if (x instanceof String[] && y instanceof String[]) {
                if (!java.util.Arrays.equals((String[]) x, (String[]) y)) {
                    return false;
                }
            } else if (!java.util.Objects.equals(x, y)) {
                return false;
            }
        }
        return true;
    }

    private Map<String, Object> properties(Path file, PollsterDefinition def) {
        Map<String, Object> p = new HashMap<>();
        p.put(Namespaces.NAMESPACE, def.serviceNamespaces());
        p.put(Namespaces.METER, def.name);
        p.put(Namespaces.ORIGIN, displayName.apply(file) + "#" + def.name);
        p.put("service.description", "Dynamic pollster " + def.name + " (" + def.defaultDiscovery() + ")");
        return p;
    }
}
