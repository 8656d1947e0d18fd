package org.ceilometer.osgi.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.api.openstack.Response;

/**
 * What a cycle asked of the OpenStack client: each listing, paged listing, request and JSON GET, with its
 * arguments and whether it ran on the agent's fan-out pool. Recorded by a {@link Recorder} wrapped
 * around the real client during an unmeasured cycle, then replayed as the floor.
 */
final class Trace {
    /** The agent's fan-out pool names its threads so. */
    static final String FAN_OUT_THREAD = "ceilometer-fanout";

    enum Kind { PAGINATE, PAGINATE_BY_MARKER, REQUEST, GET_JSON, REFERENCE }

    /** Replays a call made through another service than the OpenStack client. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    /**
     * One call; equal calls fetch the same pages. For {@link Kind#REFERENCE}, {@code method} names the
     * service's interface and method, and {@code action} (left out of equality) replays it.
     */
    record Call(Kind kind, String method, String url, String itemsKey, String markerField, int limit,
            Map<String, String> headers, boolean fanOut, Action action) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Call c && kind == c.kind && fanOut == c.fanOut && limit == c.limit
                    && Objects.equals(method, c.method) && Objects.equals(url, c.url)
                    && Objects.equals(itemsKey, c.itemsKey) && Objects.equals(markerField, c.markerField)
                    && Objects.equals(headers, c.headers);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, method, url, itemsKey, markerField, limit, headers, fanOut);
        }

        /** Fetches what the call fetches and throws the content away. */
        void replay(OpenStackClient c) throws Exception {
            Consumer<JsonNode> discard = n -> { };
            switch (kind) {
                case PAGINATE -> c.paginate(url, itemsKey, headers, discard);
                case PAGINATE_BY_MARKER -> c.paginateByMarker(url, itemsKey, markerField, limit, headers, discard);
                case REQUEST -> c.request(method, url, headers, null);
                case GET_JSON -> c.getJson(url, headers);
                case REFERENCE -> action.run();
                default -> throw new IllegalStateException(kind.toString());
            }
        }
    }

    private final List<Call> calls;

    Trace(List<Call> calls) {
        this.calls = List.copyOf(calls);
    }

    List<Call> calls() {
        return calls;
    }

    /** The distinct calls, in first-seen order: what the cycle needs at least. */
    List<Call> distinct() {
        return new ArrayList<>(new LinkedHashSet<>(calls));
    }

    /** Calls per kind and pool, for the report. */
    Map<String, Integer> summary() {
        Map<String, Integer> m = new TreeMap<>();
        for (Call c : distinct()) {
            String key = (c.kind() == Kind.REQUEST || c.kind() == Kind.REFERENCE ? c.method()
                    : c.kind().toString().toLowerCase(Locale.ROOT))
                    + (c.fanOut() ? " (fan-out)" : "");
            m.merge(key, 1, Integer::sum);
        }
        return m;
    }

    /** Hands every call to another client. */
    static class Forwarding implements OpenStackClient {
        final OpenStackClient delegate;

        Forwarding(OpenStackClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean isConfigured() {
            return delegate.isConfigured();
        }

        @Override
        public String describe() {
            return delegate.describe();
        }

        @Override
        public List<String> endpoints(String serviceType) throws OpenStackException {
            return delegate.endpoints(serviceType);
        }

        @Override
        public String endpoint(String serviceType) throws OpenStackException {
            return delegate.endpoint(serviceType);
        }

        @Override
        public String projectId() throws OpenStackException {
            return delegate.projectId();
        }

        @Override
        public JsonNode getJson(String url, Map<String, String> headers) throws OpenStackException {
            return delegate.getJson(url, headers);
        }

        @Override
        public Response request(String method, String url, Map<String, String> headers, byte[] body)
                throws OpenStackException {
            return delegate.request(method, url, headers, body);
        }

        @Override
        public void paginate(String url, String itemsKey, Map<String, String> headers, Consumer<JsonNode> item)
                throws OpenStackException {
            delegate.paginate(url, itemsKey, headers, item);
        }

        @Override
        public void paginateByMarker(String url, String itemsKey, String markerField, int limit,
                Map<String, String> headers, Consumer<JsonNode> item) throws OpenStackException {
            delegate.paginateByMarker(url, itemsKey, markerField, limit, headers, item);
        }
    }

    /** The recorder of the trace being taken, if any: services other than the client note their calls there. */
    static volatile Recorder active;

    /**
     * A service of a pollster bundle (the RGW admin client), wrapped so that its calls that take a URL
     * are noted while a trace is taken, to be replayed with the same service: an argument that reads a
     * body ({@code read(InputStream)}) is replaced by one that drains it.
     */
    static Object wrapReference(Class<?> type, Object service) {
        if (!type.isInterface()) {
            return service;
        }
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            Recorder r = active;
            if (r != null && args != null && args.length > 0 && args[0] instanceof String
                    && ((String) args[0]).startsWith("http")) {
                Object[] drained = drained(m, args);
                r.calls.add(new Call(Kind.REFERENCE, type.getSimpleName() + "." + m.getName(), (String) args[0],
                        null, null, 0, Map.of(), Thread.currentThread().getName().startsWith(FAN_OUT_THREAD),
                        () -> invoke(m, service, drained)));
            }
            return invoke(m, service, args);
        });
    }

    private static Object invoke(Method m, Object target, Object[] args) throws Exception {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
    }

    /** The arguments, with every body reader replaced by one that reads the body to its end and gives null. */
    private static Object[] drained(Method m, Object[] args) {
        Object[] out = args.clone();
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            if (t.isInterface() && readsStream(t)) {
                out[i] = Proxy.newProxyInstance(t.getClassLoader(), new Class<?>[] {t}, (p, rm, ra) -> {
                    if (ra != null && ra.length == 1 && ra[0] instanceof InputStream) {
                        ((InputStream) ra[0]).transferTo(OutputStream.nullOutputStream());
                    }
                    return null;
                });
            }
        }
        return out;
    }

    private static boolean readsStream(Class<?> t) {
        for (Method rm : t.getMethods()) {
            if (rm.getParameterCount() == 1 && rm.getParameterTypes()[0] == InputStream.class) {
                return true;
            }
        }
        return false;
    }

    /** Records every call, then hands it to the real client. */
    static final class Recorder extends Forwarding {
        private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

        Recorder(OpenStackClient delegate) {
            super(delegate);
        }

        Trace trace() {
            return new Trace(new ArrayList<>(calls));
        }

        private void record(Kind kind, String method, String url, String itemsKey, String markerField, int limit,
                Map<String, String> headers) {
            boolean fan = Thread.currentThread().getName().startsWith(FAN_OUT_THREAD);
            calls.add(new Call(kind, method, url, itemsKey, markerField, limit,
                    headers == null ? Map.of() : Map.copyOf(headers), fan, null));
        }

        @Override
        public JsonNode getJson(String url, Map<String, String> headers) throws OpenStackException {
            record(Kind.GET_JSON, "GET", url, null, null, 0, headers);
            return delegate.getJson(url, headers);
        }

        @Override
        public Response request(String method, String url, Map<String, String> headers, byte[] body)
                throws OpenStackException {
            if (body != null) {
                throw new UnsupportedOperationException("the benchmark replays no request with a body");
            }
            record(Kind.REQUEST, method, url, null, null, 0, headers);
            return delegate.request(method, url, headers, body);
        }

        @Override
        public void paginate(String url, String itemsKey, Map<String, String> headers, Consumer<JsonNode> item)
                throws OpenStackException {
            record(Kind.PAGINATE, "GET", url, itemsKey, null, 0, headers);
            delegate.paginate(url, itemsKey, headers, item);
        }

        @Override
        public void paginateByMarker(String url, String itemsKey, String markerField, int limit,
                Map<String, String> headers, Consumer<JsonNode> item) throws OpenStackException {
            record(Kind.PAGINATE_BY_MARKER, "GET", url, itemsKey, markerField, limit, headers);
            delegate.paginateByMarker(url, itemsKey, markerField, limit, headers, item);
        }
    }
}
