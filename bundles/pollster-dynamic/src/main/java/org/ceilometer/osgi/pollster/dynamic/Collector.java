package org.ceilometer.osgi.pollster.dynamic;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.CycleCache;
import org.ceilometer.osgi.pollster.dynamic.PollsterDefinition.IdAttribute;
import org.ceilometer.osgi.pollster.dynamic.PollsterDefinition.MetadataField;
import org.ceilometer.osgi.pollster.dynamic.expr.ExprException;
import org.ceilometer.osgi.pollster.dynamic.expr.Py;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What master's {@code PollsterSampleGatherer} and sample extractors do for one run of one pollster:
 * the requests (with pagination), the entries, their ids, values, metadata and extra metadata. Entries
 * that cannot be read are skipped and counted in {@link #problems}; the others go on.
 */
final class Collector {
    private static final Logger LOG = LoggerFactory.getLogger(Collector.class);
    /** The most pages one request follows through {@code next_sample_url_attribute}. */
    static final int MAX_PAGES = 10_000;

    /** A sample before it becomes one: the value may still be any Python value. */
    record RawSample(String name, Object value, Object userId, Object projectId, Object resourceId,
            Map<String, Object> metadata) {}

    private final PollContext context;
    private final ResponseCache cache;
    private final Clock clock;
    final Problems problems = new Problems();

    Collector(PollContext context, ResponseCache cache, Clock clock) {
        this.context = context;
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * Every sample of a definition for one resource: an endpoint URL, or for the non-OpenStack form the
     * credentials (null when the definition gives them).
     *
     * @param base the variables its {@code url_path} may use
     * @throws IOException when a request fails or its response cannot be read
     */
    void collect(PollsterDefinition def, Object resource, Map<String, Object> base, Consumer<RawSample> out)
            throws IOException, InterruptedException {
        for (Object entry : fetch(def, resource, base)) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            if (def.multi == null) {
                extractSingle(def, entry, out);
            } else {
                extractMulti(def, entry, out);
            }
        }
    }

    // ---- requests

    private Transport transport(PollsterDefinition def, Object resource) throws IOException {
        if (!def.isNonOpenStack()) {
            return new Transport.OpenStack(context);
        }
        String credentials = def.authenticationParameters;
        if (credentials.isEmpty()) {
            if (resource instanceof byte[]) {
                credentials = new String((byte[]) resource, java.nio.charset.StandardCharsets.UTF_8);
            } else {
                credentials = Py.str(resource);
            }
        }
        List<String> parts = Authenticator.splitCredentials(credentials);
        String problem = def.authenticator.checkArity(parts);
        if (problem != null) {
            throw new IOException("the credentials " + (def.authenticationParameters.isEmpty()
                    ? "from " + def.defaultDiscovery() : "of authentication_parameters") + " do not fit: " + problem);
        }
        return new Transport.Direct(def.authenticator, parts, clock);
    }

    private List<Object> fetch(PollsterDefinition def, Object resource, Map<String, Object> base)
            throws IOException, InterruptedException {
        Transport transport = transport(def, resource);
        String url = firstUrl(def, resource, base);
        List<Object> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(url);
        for (int page = 1;; page++) {
            if (context.isCancelled()) {
                throw new InterruptedException("the cycle was cancelled");
            }
            Object response = def.responseCacheSeconds > 0 ? cache.get(url) : null;
            if (response == null) {
                String body = transport.get(url, def.headers, def.timeout);
                response = handle(def, body, url);
                if (def.responseCacheSeconds > 0 && Py.truthy(response)) {
                    cache.put(url, response, def.responseCacheSeconds);
                }
            } else {
                LOG.debug("dynamic pollster {}: response of {} from the cache", def.name, Urls.redact(url));
            }
            if (size(response, url) == 0) {
                break;
            }
            List<Object> entries = entries(def, response, url);
            String next = nextUrl(def, response);
            for (Object e : entries) {
                Object prepared = prepare(def, e);
                if (prepared != null) {
                    out.add(prepared);
                }
            }
            if (next == null || next.isEmpty()) {
                break;
            }
            url = nextPageUrl(def, resource, next);
            if (!seen.add(url)) {
                LOG.warn("dynamic pollster {}: next page {} was read before; pagination stops", def.name,
                        Urls.redact(url));
                break;
            }
            if (page >= MAX_PAGES) {
                throw new IOException("more than " + MAX_PAGES + " pages through next_sample_url_attribute");
            }
        }
        return out;
    }

    private String firstUrl(PollsterDefinition def, Object resource, Map<String, Object> base) throws IOException {
        if (def.isNonOpenStack()) {
            return def.urlPath;
        }
        String path = def.urlPath;
        if (def.urlPathExpression != null) {
            try {
                Object v = def.urlPathExpression.evaluate(base);
                if (v instanceof String) {
                    path = (String) v;
                }
            } catch (ExprException e) {
                LOG.debug("dynamic pollster {}: url_path is not an expression here ({}); used as it is", def.name,
                        e.getMessage());
            }
        }
        String endpoint = endpointOf(resource);
        return Urls.join(endpoint.endsWith("/") ? endpoint : endpoint + "/", path);
    }

    /** The resource as an endpoint URL; what is not one is not shown (it may be a credential). */
    private static String endpointOf(Object resource) throws IOException {
        if (!(resource instanceof String) || !isHttpUrl((String) resource)) {
            throw new IOException("the resource is not an http(s) endpoint URL (the default discovery is "
                    + "endpoint:<endpoint_type>)");
        }
        return (String) resource;
    }

    static boolean isHttpUrl(String s) {
        String l = s.toLowerCase(java.util.Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://");
    }

    private static boolean hasHost(String url) {
        return url.startsWith("//") || url.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*://[^/?#].*");
    }

    private String nextPageUrl(PollsterDefinition def, Object resource, String next) throws IOException {
        if (hasHost(next)) {
            return next;
        }
        if (def.isNonOpenStack()) {
            return next.equals(def.urlPath) ? next
                    : Urls.join(def.urlPath.endsWith("/") ? def.urlPath : def.urlPath + "/", next);
        }
        String endpoint = endpointOf(resource);
        return Urls.join(endpoint.endsWith("/") ? endpoint : endpoint + "/", next);
    }

    private static Object handle(PollsterDefinition def, String body, String url) throws IOException {
        List<String> failed = new ArrayList<>();
        for (ResponseHandler h : def.responseHandlers) {
            try {
                return h.handle(body);
            } catch (IOException | RuntimeException e) {
                failed.add(h.configName());
                LOG.debug("dynamic pollster {}: handler {} cannot read the response of {}: {}", def.name,
                        h.configName(), Urls.redact(url), e.getMessage());
            }
        }
        throw new IOException("no remaining handlers to handle the response of " + Urls.redact(url)
                + ", used handlers " + failed);
    }

    private static int size(Object response, String url) throws IOException {
        if (response == null) {
            return 0;
        }
        if (response instanceof Map) {
            return ((Map<?, ?>) response).size();
        }
        if (response instanceof List) {
            return ((List<?>) response).size();
        }
        if (response instanceof String) {
            return ((String) response).length();
        }
        throw new IOException("the response of " + Urls.redact(url) + " is a " + Py.typeName(response)
                + ", not a list or an object");
    }

    /** Master's {@code retrieve_entries_from_response}: the list itself, or what the entries key holds. */
    private static List<Object> entries(PollsterDefinition def, Object response, String url) throws IOException {
        if (response instanceof List) {
            @SuppressWarnings("unchecked")
            List<Object> l = (List<Object>) response;
            return l;
        }
        if (!(response instanceof Map)) {
            throw new IOException("the response of " + Urls.redact(url) + " is a " + Py.typeName(response)
                    + ", not a list or an object");
        }
        Object value;
        if (def.responseEntriesKey != null) {
            try {
                value = def.responseEntriesKey.read(response);
            } catch (ExprException e) {
                throw new IOException("response_entries_key '" + def.responseEntriesKey + "': " + e.getMessage()
                        + " in the response of " + Urls.redact(url));
            }
        } else {
            value = ((Map<?, ?>) response).values().iterator().next();
        }
        if (value == null) {
            return List.of();
        }
        if (value instanceof List) {
            @SuppressWarnings("unchecked")
            List<Object> l = (List<Object>) value;
            return l;
        }
        return List.of(value);
    }

    private String nextUrl(PollsterDefinition def, Object response) throws IOException {
        if (def.nextSampleUrlAttribute == null) {
            return null;
        }
        Object next;
        try {
            next = def.nextSampleUrlAttribute.read(response);
        } catch (ExprException e) {
            if (e.isMissing()) {
                LOG.debug("dynamic pollster {}: no next page ({})", def.name, e.getMessage());
                return null;
            }
            throw new IOException("next_sample_url_attribute '" + def.nextSampleUrlAttribute + "': " + e.getMessage());
        }
        if (next == null) {
            return null;
        }
        if (!(next instanceof String)) {
            throw new IOException("next_sample_url_attribute '" + def.nextSampleUrlAttribute + "' gave a "
                    + Py.typeName(next) + ", not a URL");
        }
        return (String) next;
    }

    /** Master's {@code prepare_samples}: a copy of the entry with {@code user_id}, {@code project_id} and {@code id} set. */
    private Object prepare(PollsterDefinition def, Object entry) {
        if (!(entry instanceof Map)) {
            return entry;
        }
        Map<Object, Object> copy = new LinkedHashMap<>((Map<?, ?>) entry);
        for (IdAttribute a : def.idAttributes) {
            if (a.path() == null || (!def.isNonOpenStack() && a.source().equals(a.target()))) {
                continue;
            }
            Object v;
            try {
                v = a.path().read(entry);
            } catch (ExprException e) {
                if (!e.isMissing()) {
                    problems.entry(def.name, a.field() + " '" + a.source() + "': " + e.getMessage());
                    return null;
                }
                v = null;
            }
            copy.put(a.target(), v);
        }
        return copy;
    }

    // ---- samples

    private void extractSingle(PollsterDefinition def, Object entry, Consumer<RawSample> out)
            throws InterruptedException {
        Object value;
        try {
            value = def.valueAttribute.read(entry);
        } catch (ExprException e) {
            problems.entry(def.name, "value_attribute '" + def.valueAttribute + "': " + e.getMessage());
            return;
        }
        if (containsPy(def.skipSampleValues, value)) {
            LOG.debug("dynamic pollster {}: value {} is in skip_sample_values", def.name, Py.repr(value));
            return;
        }
        if (!def.valueMapping.isEmpty()) {
            Object mapped = value instanceof List || value instanceof Map ? Py.ABSENT
                    : Py.mapLookup(def.valueMapping, value);
            if (mapped == Py.ABSENT) {
                LOG.debug("dynamic pollster {}: value {} is not in value_mapping; default_value {} is used", def.name,
                        Py.repr(value), Py.repr(def.defaultValue));
                value = def.defaultValue;
            } else {
                value = mapped;
            }
        }
        emit(def, def.name, value, entry, out);
    }

    private void extractMulti(PollsterDefinition def, Object entry, Consumer<RawSample> out)
            throws InterruptedException {
        PollsterDefinition.MultiMetric m = def.multi;
        Object list = entry instanceof Map ? Py.mapLookup((Map<?, ?>) entry, m.listKey()) : Py.ABSENT;
        if (list == Py.ABSENT) {
            problems.entry(def.name, "value_attribute '[" + m.listKey() + "]...': KeyError: " + Py.repr(m.listKey()));
            return;
        }
        if (!(list instanceof List)) {
            problems.entry(def.name, "multi metric pollster defined, but the value obtained with [" + m.listKey()
                    + "] is a " + Py.typeName(list) + ", not a list of objects");
            return;
        }
        for (Object sub : (List<?>) list) {
            if (!(sub instanceof Map)) {
                problems.entry(def.name, "an item of [" + m.listKey() + "] is a " + Py.typeName(sub) + ", not an object");
                continue;
            }
            Object subName = Py.mapLookup((Map<?, ?>) sub, m.subAttribute());
            if (subName == Py.ABSENT) {
                problems.entry(def.name, "an item of [" + m.listKey() + "] has no '" + m.subAttribute() + "'");
                continue;
            }
            Object value = sub;
            try {
                for (String k : m.valueKeys()) {
                    value = Py.getItem(value, k);
                }
            } catch (ExprException e) {
                problems.entry(def.name, "value_attribute: " + e.getMessage() + " in an item of [" + m.listKey() + "]");
                continue;
            }
            String name = def.name.replace(m.placeholder(), Py.str(subName));
            if (entry instanceof Map) {
                @SuppressWarnings("unchecked")
                Map<Object, Object> e = (Map<Object, Object>) entry;
                e.put("value", value);
            }
            if (containsPy(def.skipSampleValues, value) || containsPy(def.skipSampleValues, subName)) {
                LOG.debug("dynamic pollster {}: sub-metric {} skipped by skip_sample_values", def.name, name);
                continue;
            }
            emit(def, name, value, entry, out);
        }
    }

    /** Metadata, mapping and extra metadata, then the sample (master's {@code generate_sample}). */
    private void emit(PollsterDefinition def, String name, Object value, Object entry, Consumer<RawSample> out)
            throws InterruptedException {
        @SuppressWarnings("unchecked")
        Map<Object, Object> e = entry instanceof Map ? (Map<Object, Object>) entry : null;
        if (e != null) {
            e.put("value", value);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (MetadataField f : def.metadataFields) {
            Object v;
            try {
                v = f.path().read(entry);
            } catch (ExprException ex) {
                if (!ex.isMissing()) {
                    problems.entry(def.name, "metadata_fields '" + f.key() + "': " + ex.getMessage());
                    return;
                }
                v = null;
            }
            metadata.put(f.key(), v);
        }
        if (!def.metadataMapping.isEmpty()) {
            for (String k : new ArrayList<>(metadata.keySet())) {
                String newKey = def.metadataMapping.get(k);
                if (newKey == null) {
                    continue;
                }
                metadata.put(newKey, metadata.get(k));
                if (!def.preserveMappedMetadata) {
                    metadata.remove(k);
                }
            }
        }
        if (e != null) {
            e.put("metadata", metadata);
        }
        Map<String, Object> extra = extraMetadata(def, entry);
        for (Map.Entry<String, Object> x : extra.entrySet()) {
            if (metadata.containsKey(x.getKey())) {
                LOG.debug("dynamic pollster {}: extra metadata key {} already set; ignored", def.name, x.getKey());
                continue;
            }
            metadata.put(x.getKey(), x.getValue());
        }
        out.accept(new RawSample(name, value, e == null ? null : e.get("user_id"),
                e == null ? null : e.get("project_id"), e == null ? null : e.get("id"), metadata));
    }

    // ---- extra metadata

    private Map<String, Object> extraMetadata(PollsterDefinition def, Object sample) throws InterruptedException {
        if (def.extraMetadataFields.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> captured = new LinkedHashMap<>();
        Map<String, Object> byName = new LinkedHashMap<>();
        for (PollsterDefinition child : def.extraMetadataFields) {
            if (skip(sample, child.extraMetadataFieldsSkip)) {
                LOG.debug("dynamic pollster {}: extra metadata {} skipped by extra_metadata_fields_skip", def.name,
                        child.name);
                continue;
            }
            Map<String, Object> base = new HashMap<>();
            base.put("extra_metadata_captured", captured);
            base.put("extra_metadata_by_name", byName);
            base.put("sample", sample);
            try {
                List<Object> resources = new ArrayList<>();
                if (child.endpointType != null && !child.isNonOpenStack()) {
                    resources.addAll(endpoints(child.endpointType));
                } else {
                    resources.add(null);
                }
                for (Object r : resources) {
                    collect(child, r, base, s -> fill(captured, byName, s));
                }
            } catch (IOException ex) {
                problems.request(def.name, "extra_metadata_fields '" + child.name + "': " + ex.getMessage());
            }
        }
        return captured;
    }

    private List<String> endpoints(String type) throws IOException {
        if (context.openstack() == null) {
            throw new IOException("no OpenStack session is configured");
        }
        CycleCache c = context.cache();
        try {
            if (c != null) {
                return c.computeIfAbsent("pollster-dynamic:endpoints:" + type, () -> context.openstack().endpoints(type));
            }
            return context.openstack().endpoints(type);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("endpoints of " + type + ": " + e.getMessage(), e);
        }
    }

    private static void fill(Map<String, Object> captured, Map<String, Object> byName, RawSample s) {
        captured.put(s.name(), s.value());
        for (Map.Entry<String, Object> e : s.metadata().entrySet()) {
            if (e.getValue() == null && captured.containsKey(e.getKey())) {
                continue;
            }
            captured.put(e.getKey(), e.getValue());
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("value", s.value());
        entry.put("metadata", s.metadata());
        byName.put(s.name(), entry);
    }

    /** Master's {@code skip_sample}: whether a non-empty skip map is a subset of the sample. */
    static boolean skip(Object sample, List<Object> skips) {
        for (Object s : skips) {
            if (!Py.truthy(s)) {
                continue;
            }
            if (matches(s, sample)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Object skip, Object sample) {
        if (Py.eq(skip, sample)) {
            return true;
        }
        if (!(skip instanceof Map) || !(sample instanceof Map)) {
            return false;
        }
        for (Map.Entry<?, ?> e : ((Map<?, ?>) skip).entrySet()) {
            Object v = Py.mapLookup((Map<?, ?>) sample, e.getKey());
            if (v == Py.ABSENT || !matches(e.getValue(), v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsPy(List<Object> list, Object value) {
        for (Object o : list) {
            if (Py.eq(o, value)) {
                return true;
            }
        }
        return false;
    }

    /** What went wrong in a run, counted, with the first message of each kind. */
    static final class Problems {
        int entries;
        int requests;
        String firstEntry;
        String firstRequest;

        synchronized void entry(String pollster, String message) {
            entries++;
            if (firstEntry == null) {
                firstEntry = message;
            }
            LOG.debug("dynamic pollster {}: entry skipped: {}", pollster, message);
        }

        synchronized void request(String pollster, String message) {
            requests++;
            if (firstRequest == null) {
                firstRequest = message;
            }
            LOG.debug("dynamic pollster {}: request failed: {}", pollster, message);
        }

        synchronized boolean any() {
            return entries + requests > 0;
        }

        @Override
        public synchronized String toString() {
            List<String> parts = new ArrayList<>();
            if (requests > 0) {
                parts.add(requests + " request(s) failed (first: " + firstRequest + ")");
            }
            if (entries > 0) {
                parts.add(entries + " entr" + (entries == 1 ? "y" : "ies") + " skipped (first: " + firstEntry + ")");
            }
            return String.join("; ", parts);
        }
    }
}
