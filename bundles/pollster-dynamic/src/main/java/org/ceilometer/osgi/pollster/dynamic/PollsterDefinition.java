package org.ceilometer.osgi.pollster.dynamic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.pollster.dynamic.expr.AttributePath;
import org.ceilometer.osgi.pollster.dynamic.expr.ExprException;
import org.ceilometer.osgi.pollster.dynamic.expr.Expression;
import org.ceilometer.osgi.pollster.dynamic.expr.Py;

/**
 * One dynamic pollster definition, checked: the fields of master's {@code PollsterDefinitions} with
 * their defaults, the multi-metric form ({@code name.{attribute}} with {@code [list].key} values), the
 * non-OpenStack form ({@code module}) and the definitions of {@code extra_metadata_fields}, which take
 * {@code sample_type}, {@code unit}, {@code value_attribute} and {@code extra_metadata_fields_skip}
 * from their parent when they do not set them. Immutable.
 */
final class PollsterDefinition {
    /** Master's {@code POLLSTER_VALID_NAMES_REGEXP}. */
    static final Pattern NAME = Pattern.compile("([\\w-]+)(\\.[\\w-]+)*(\\.\\{[\\w-]+\\})?",
            Pattern.UNICODE_CHARACTER_CLASS);
    /** Master's {@code MULTI_METRIC_POLLSTER_NAME_REGEXP}. */
    static final Pattern MULTI_NAME = Pattern.compile(".*(\\.\\{(\\w+)\\})", Pattern.UNICODE_CHARACTER_CLASS);
    /** Master's {@code MULTI_METRIC_POLLSTER_VALUE_ATTRIBUTE_REGEXP}. */
    static final Pattern MULTI_VALUE = Pattern.compile("(\\[(\\w+)\\])((\\.\\w+)+)", Pattern.UNICODE_CHARACTER_CLASS);

    static final int DEFAULT_TIMEOUT_SECONDS = 30;
    static final long DEFAULT_CACHE_SECONDS = 3600;

    /** Every field master reads; {@code value} only in {@code extra_metadata_fields}. */
    static final Set<String> FIELDS = Set.of("name", "sample_type", "unit", "value_attribute", "endpoint_type",
            "url_path", "metadata_fields", "skip_sample_values", "value_mapping", "default_value", "metadata_mapping",
            "preserve_mapped_metadata", "response_entries_key", "next_sample_url_attribute", "user_id_attribute",
            "resource_id_attribute", "project_id_attribute", "headers", "timeout",
            "extra_metadata_fields_cache_seconds", "extra_metadata_fields", "extra_metadata_fields_skip",
            "response_handlers", "base_metadata", "namespaces", "module", "authentication_object",
            "barbican_secret_id", "authentication_parameters", "host_command");

    /** The variables an {@code extra_metadata_fields} url_path sees. */
    static final Set<String> URL_VARIABLES = Set.of("sample", "extra_metadata_captured", "extra_metadata_by_name");

    /** A metadata field: the text as written (the metadata key) and the attribute it reads. */
    record MetadataField(String key, AttributePath path) {}

    /** {@code user_id_attribute} and its kind: the sample key it fills and the attribute it reads (null for none). */
    record IdAttribute(String field, String target, String source, AttributePath path) {}

    /** The parts of a multi-metric definition: {@code name.{subAttribute}} and {@code [listKey].value.keys}. */
    record MultiMetric(String placeholder, String subAttribute, String listKey, List<String> valueKeys) {}

    final Map<Object, Object> raw;
    final String name;
    final MeterType sampleType;
    final String unit;
    final AttributePath valueAttribute;
    final MultiMetric multi;
    final String endpointType;
    final String urlPath;
    final Expression urlPathExpression;
    final List<MetadataField> metadataFields;
    final List<Object> skipSampleValues;
    final Map<Object, Object> valueMapping;
    final Object defaultValue;
    final Map<String, String> metadataMapping;
    final boolean preserveMappedMetadata;
    final AttributePath responseEntriesKey;
    final AttributePath nextSampleUrlAttribute;
    final List<IdAttribute> idAttributes;
    final Map<String, String> headers;
    final Duration timeout;
    /** {@code extra_metadata_fields_cache_seconds} as set, or its default. */
    final long cacheSeconds;
    /** The cache lifetime of this definition's responses when it is an extra metadata field, else 0. */
    final long responseCacheSeconds;
    final List<PollsterDefinition> extraMetadataFields;
    final List<Object> extraMetadataFieldsSkip;
    final List<ResponseHandler> responseHandlers;
    final List<String> namespaces;
    final Map<String, Object> baseMetadata;
    /** Null for the OpenStack form. */
    final Authenticator authenticator;
    final String authenticationParameters;
    final String barbicanSecretId;

    private PollsterDefinition(Builder b) {
        this.raw = b.raw;
        this.name = b.name;
        this.sampleType = b.sampleType;
        this.unit = b.unit;
        this.valueAttribute = b.valueAttribute;
        this.multi = b.multi;
        this.endpointType = b.endpointType;
        this.urlPath = b.urlPath;
        this.urlPathExpression = b.urlPathExpression;
        this.metadataFields = List.copyOf(b.metadataFields);
        this.skipSampleValues = Collections.unmodifiableList(b.skipSampleValues);
        this.valueMapping = Collections.unmodifiableMap(b.valueMapping);
        this.defaultValue = b.defaultValue;
        this.metadataMapping = Collections.unmodifiableMap(b.metadataMapping);
        this.preserveMappedMetadata = b.preserveMappedMetadata;
        this.responseEntriesKey = b.responseEntriesKey;
        this.nextSampleUrlAttribute = b.nextSampleUrlAttribute;
        this.idAttributes = List.copyOf(b.idAttributes);
        this.headers = Collections.unmodifiableMap(b.headers);
        this.timeout = b.timeout;
        this.cacheSeconds = b.cacheSeconds;
        this.responseCacheSeconds = b.responseCacheSeconds;
        this.extraMetadataFields = List.copyOf(b.extraMetadataFields);
        this.extraMetadataFieldsSkip = Collections.unmodifiableList(b.extraMetadataFieldsSkip);
        this.responseHandlers = List.copyOf(b.responseHandlers);
        this.namespaces = List.copyOf(b.namespaces);
        this.baseMetadata = Collections.unmodifiableMap(b.baseMetadata);
        this.authenticator = b.authenticator;
        this.authenticationParameters = b.authenticationParameters;
        this.barbicanSecretId = b.barbicanSecretId;
    }

    boolean isNonOpenStack() {
        return authenticator != null;
    }

    /** Master's {@code default_discovery}: {@code endpoint:<endpoint_type>}, or {@code barbican:<secret id>}. */
    String defaultDiscovery() {
        return isNonOpenStack() ? "barbican:" + barbicanSecretId : "endpoint:" + endpointType;
    }

    /** The OSGi namespaces: {@code ceilometer.poll.<namespace>} for each. */
    String[] serviceNamespaces() {
        return namespaces.stream().map(n -> n.startsWith("ceilometer.") ? n : "ceilometer.poll." + n)
                .toArray(String[]::new);
    }

    @Override
    public String toString() {
        return "dynamic pollster '" + name + "'";
    }

    // ---- parsing

    /**
     * Checks a definition as the YAML gave it.
     *
     * @param warnings receives remarks that do not reject it (unknown fields)
     * @throws DefinitionException naming the first field at fault
     */
    static PollsterDefinition parse(Map<?, ?> config, List<String> warnings) throws DefinitionException {
        @SuppressWarnings("unchecked")
        Map<Object, Object> cfg = (Map<Object, Object>) Py.normalize(config);
        return parse(cfg, null, warnings);
    }

    private static PollsterDefinition parse(Map<Object, Object> cfg, PollsterDefinition parent, List<String> warnings)
            throws DefinitionException {
        Builder b = new Builder();
        b.raw = Collections.unmodifiableMap(new LinkedHashMap<>(cfg));
        Set<String> unknown = new TreeSet<>();
        for (Object k : cfg.keySet()) {
            if (!(k instanceof String)) {
                throw new DefinitionException(Py.str(k), "field names must be strings");
            }
            if (!FIELDS.contains(k) && !(parent != null && k.equals("value"))) {
                unknown.add((String) k);
            }
        }
        if (!unknown.isEmpty()) {
            warnings.add("unknown field(s) " + unknown + " ignored");
        }
        if (truthy(cfg, "host_command")) {
            throw new DefinitionException("host_command",
                    "local host commands are not run here: a definition cannot run code");
        }
        boolean nonOpenStack = truthy(cfg, "module");

        // name
        String name = requiredText(cfg, "name");
        if (!NAME.matcher(name).matches()) {
            throw new DefinitionException("name", "pollster name '" + name + "' does not match "
                    + "^([\\w-]+)(\\.[\\w-]+)*(\\.{[\\w-]+})?$");
        }
        b.name = name;
        Matcher multiName = MULTI_NAME.matcher(name);
        boolean multi = multiName.matches();

        // sample_type, unit
        Object type = cfg.get("sample_type");
        if (type != null && !(type instanceof String && List.of("gauge", "delta", "cumulative").contains(type))) {
            throw new DefinitionException("sample_type", "invalid sample type [" + Py.str(type)
                    + "]; valid ones are gauge, delta, cumulative");
        }
        b.sampleType = MeterType.fromWireName(requiredText(cfg, "sample_type"));
        b.unit = requiredText(cfg, "unit");

        // value_attribute
        String value = requiredText(cfg, "value_attribute");
        if (multi) {
            Matcher m = MULTI_VALUE.matcher(value);
            if (!m.matches()) {
                throw new DefinitionException("value_attribute", "a multi-metric pollster ('" + name
                        + "') needs a value_attribute of the form [list].key; '" + value + "' does not match "
                        + "^(\\[(\\w+)\\])((\\.\\w+)+)$");
            }
            String placeholder = name.substring(name.lastIndexOf('.') + 1);
            b.multi = new MultiMetric(placeholder, multiName.group(2), m.group(2),
                    List.of(m.group(3).substring(1).split("\\.")));
        } else {
            b.valueAttribute = attribute(value, "value_attribute");
        }

        // endpoint_type, url_path
        b.endpointType = nonOpenStack ? optionalText(cfg, "endpoint_type") : requiredText(cfg, "endpoint_type");
        b.urlPath = requiredText(cfg, "url_path");
        try {
            b.urlPathExpression = Expression.parse(b.urlPath);
        } catch (ExprException e) {
            b.urlPathExpression = null; // a plain path, as master's eval falling back to the text
        }

        // metadata
        Object fields = cfg.get("metadata_fields");
        if (fields != null) {
            List<Object> list = fields instanceof List ? listOf(fields) : List.of(fields);
            for (int i = 0; i < list.size(); i++) {
                Object f = list.get(i);
                String field = "metadata_fields[" + i + "]";
                if (!(f instanceof String)) {
                    throw new DefinitionException(field, "a metadata field is an attribute text, not a "
                            + Py.typeName(f));
                }
                b.metadataFields.add(new MetadataField((String) f, attribute((String) f, field)));
            }
        }
        Object skip = cfg.get("skip_sample_values");
        if (skip != null) {
            b.skipSampleValues = skip instanceof List ? listOf(skip) : List.of(skip);
        }
        Object mapping = cfg.get("value_mapping");
        if (mapping != null) {
            if (!(mapping instanceof Map)) {
                throw new DefinitionException("value_mapping", "must be a map of value to mapped value, not a "
                        + Py.typeName(mapping));
            }
            for (Map.Entry<?, ?> e : ((Map<?, ?>) mapping).entrySet()) {
                if (e.getKey() instanceof List || e.getKey() instanceof Map) {
                    throw new DefinitionException("value_mapping", "keys must be plain values");
                }
                b.valueMapping.put(e.getKey(), e.getValue());
            }
        }
        if (cfg.get("default_value") != null) {
            b.defaultValue = cfg.get("default_value");
        }
        Object metaMapping = cfg.get("metadata_mapping");
        if (metaMapping != null) {
            if (!(metaMapping instanceof Map)) {
                throw new DefinitionException("metadata_mapping", "must be a map of metadata field to new name, "
                        + "not a " + Py.typeName(metaMapping));
            }
            for (Map.Entry<?, ?> e : ((Map<?, ?>) metaMapping).entrySet()) {
                if (!isScalar(e.getKey()) || !isScalar(e.getValue()) || e.getValue() == null) {
                    throw new DefinitionException("metadata_mapping", "maps a metadata field to a new name, both texts");
                }
                b.metadataMapping.put(Py.str(e.getKey()), Py.str(e.getValue()));
            }
        }
        Object preserve = cfg.get("preserve_mapped_metadata");
        if (preserve != null) {
            if (!(preserve instanceof Boolean)) {
                throw new DefinitionException("preserve_mapped_metadata", "must be true or false, not "
                        + Py.repr(preserve));
            }
            b.preserveMappedMetadata = (Boolean) preserve;
        }

        // responses
        String entries = optionalText(cfg, "response_entries_key");
        b.responseEntriesKey = entries == null ? null : attribute(entries, "response_entries_key");
        String next = optionalText(cfg, "next_sample_url_attribute");
        b.nextSampleUrlAttribute = next == null ? null : attribute(next, "next_sample_url_attribute");
        b.idAttributes.add(idAttribute(cfg, "user_id_attribute", "user_id"));
        b.idAttributes.add(idAttribute(cfg, "project_id_attribute", "project_id"));
        b.idAttributes.add(idAttribute(cfg, "resource_id_attribute", "id"));
        Object handlers = cfg.get("response_handlers");
        if (handlers != null) {
            if (!(handlers instanceof List)) {
                throw new DefinitionException("response_handlers", "must be a list; provided value type: "
                        + Py.typeName(handlers));
            }
            b.responseHandlers.clear();
            for (Object h : listOf(handlers)) {
                ResponseHandler rh = h instanceof String ? ResponseHandler.of((String) h) : null;
                if (rh == null) {
                    throw new DefinitionException("response_handlers", "invalid response handler [" + Py.str(h)
                            + "]; accepted values are json, xml, text");
                }
                b.responseHandlers.add(rh);
            }
        }

        // requests
        Object headers = cfg.get("headers");
        if (headers != null) {
            if (!(headers instanceof Map)) {
                throw new DefinitionException("headers", "must be a map of header name to value, not a "
                        + Py.typeName(headers));
            }
            for (Map.Entry<?, ?> e : ((Map<?, ?>) headers).entrySet()) {
                String key = Py.str(e.getKey());
                if (e.getValue() == null) {
                    continue;
                }
                if (!isScalar(e.getValue()) || key.isEmpty() || key.chars().anyMatch(c -> c <= ' ' || c == ':')) {
                    throw new DefinitionException("headers." + key, "a header needs a name and a plain value");
                }
                String v = Py.str(e.getValue());
                if (v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
                    throw new DefinitionException("headers." + key, "a header value cannot span lines");
                }
                b.headers.put(key, v);
            }
        }
        Object timeout = cfg.get("timeout");
        if (timeout != null) {
            if (!Py.isNumber(timeout) || timeout instanceof Boolean) {
                throw new DefinitionException("timeout", "must be a number of seconds, not " + Py.repr(timeout));
            }
            double s = ((Number) timeout).doubleValue();
            if (!(s > 0) || s > 86_400) {
                throw new DefinitionException("timeout", "must be more than 0 and at most 86400 seconds, not "
                        + Py.str(timeout));
            }
            b.timeout = Duration.ofNanos((long) (s * 1e9));
        }

        // extra metadata
        Object cache = cfg.get("extra_metadata_fields_cache_seconds");
        if (cache != null) {
            if (!Py.isNumber(cache) || cache instanceof Boolean || ((Number) cache).doubleValue() < 0) {
                throw new DefinitionException("extra_metadata_fields_cache_seconds",
                        "must be a number of seconds, 0 or more; not " + Py.repr(cache));
            }
            b.cacheSeconds = ((Number) cache).longValue();
        }
        if (parent != null) {
            b.responseCacheSeconds = cache != null ? b.cacheSeconds : parent.cacheSeconds;
        }
        Object skips = cfg.get("extra_metadata_fields_skip");
        if (skips != null) {
            if (!(skips instanceof List) || listOf(skips).stream().anyMatch(s -> !(s instanceof Map))) {
                throw new DefinitionException("extra_metadata_fields_skip", "must be a list of maps; provided "
                        + Py.typeName(skips));
            }
            b.extraMetadataFieldsSkip = listOf(skips);
        }
        Object base = cfg.get("base_metadata");
        if (base != null) {
            if (!(base instanceof Map)) {
                throw new DefinitionException("base_metadata", "must be a map");
            }
            for (Map.Entry<?, ?> e : ((Map<?, ?>) base).entrySet()) {
                b.baseMetadata.put(Py.str(e.getKey()), e.getValue());
            }
        }

        // namespaces
        Object ns = cfg.get("namespaces");
        if (ns != null) {
            List<Object> list = ns instanceof List ? listOf(ns) : List.of(ns);
            if (list.isEmpty()) {
                throw new DefinitionException("namespaces", "names no namespace");
            }
            b.namespaces.clear();
            for (Object n : list) {
                if (!(n instanceof String) || !((String) n).matches("[\\w.-]+")) {
                    throw new DefinitionException("namespaces", "invalid namespace " + Py.repr(n)
                            + "; expected names such as central or compute");
                }
                if (!b.namespaces.contains(n)) {
                    b.namespaces.add((String) n);
                }
            }
        }

        // the non-OpenStack form
        if (nonOpenStack) {
            String module = requiredText(cfg, "module");
            String object = requiredText(cfg, "authentication_object");
            b.authenticator = Authenticator.find(module, object);
            if (b.authenticator == null) {
                throw new DefinitionException("module", "module '" + module + "' with authentication_object '"
                        + object + "' cannot be used: Python modules are not loaded here (a definition cannot run "
                        + "code); the known ones are " + Authenticator.known());
            }
            b.authenticationParameters = optionalText(cfg, "authentication_parameters");
            if (b.authenticationParameters == null) {
                b.authenticationParameters = "";
            }
            if (!b.authenticationParameters.isEmpty()) {
                String problem = b.authenticator.checkArity(Authenticator.splitCredentials(b.authenticationParameters));
                if (problem != null) {
                    throw new DefinitionException("authentication_parameters", problem);
                }
            }
            String secret = optionalText(cfg, "barbican_secret_id");
            b.barbicanSecretId = secret == null ? "" : secret;
            String lower = b.urlPath.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
                throw new DefinitionException("url_path", "the non-OpenStack form needs an absolute http(s) URL, not '"
                        + b.urlPath + "'");
            }
        } else {
            for (String f : List.of("authentication_object", "authentication_parameters", "barbican_secret_id")) {
                if (truthy(cfg, f)) {
                    warnings.add("field '" + f + "' is used by the non-OpenStack form only (set 'module'); ignored");
                }
            }
        }

        PollsterDefinition self = new PollsterDefinition(b);

        // the definitions of extra_metadata_fields, with what they inherit
        Object extra = cfg.get("extra_metadata_fields");
        if (extra != null) {
            List<Object> list = extra instanceof List ? listOf(extra) : List.of(extra);
            List<PollsterDefinition> children = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String prefix = "extra_metadata_fields[" + i + "]";
                if (!(list.get(i) instanceof Map)) {
                    throw new DefinitionException(prefix, "must be a map (a dynamic pollster definition)");
                }
                @SuppressWarnings("unchecked")
                Map<Object, Object> child = new LinkedHashMap<>((Map<Object, Object>) list.get(i));
                child.putIfAbsent("extra_metadata_fields_skip", cfg.containsKey("extra_metadata_fields_skip")
                        ? cfg.get("extra_metadata_fields_skip") : List.of(Map.of()));
                child.putIfAbsent("sample_type", cfg.get("sample_type"));
                child.putIfAbsent("unit", cfg.get("unit"));
                child.putIfAbsent("value_attribute", child.containsKey("value") ? child.get("value")
                        : cfg.get("value_attribute"));
                List<String> childWarnings = new ArrayList<>();
                try {
                    children.add(parse(child, self, childWarnings));
                } catch (DefinitionException e) {
                    throw e.nestedUnder(prefix);
                }
                childWarnings.forEach(w -> warnings.add(prefix + ": " + w));
            }
            b.extraMetadataFields.addAll(children);
            self = new PollsterDefinition(b);
        }
        return self;
    }

    private static boolean truthy(Map<Object, Object> cfg, String key) {
        return Py.truthy(cfg.get(key));
    }

    private static boolean isScalar(Object o) {
        return !(o instanceof List) && !(o instanceof Map);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listOf(Object o) {
        return (List<Object>) o;
    }

    private static String requiredText(Map<Object, Object> cfg, String key) throws DefinitionException {
        Object v = cfg.get(key);
        if (!Py.truthy(v)) {
            throw new DefinitionException(key, "required field is missing");
        }
        if (!isScalar(v)) {
            throw new DefinitionException(key, "must be a text, not a " + Py.typeName(v));
        }
        return Py.str(v);
    }

    private static String optionalText(Map<Object, Object> cfg, String key) throws DefinitionException {
        Object v = cfg.get(key);
        if (v == null) {
            return null;
        }
        if (!isScalar(v)) {
            throw new DefinitionException(key, "must be a text, not a " + Py.typeName(v));
        }
        return Py.str(v);
    }

    private static AttributePath attribute(String text, String field) throws DefinitionException {
        try {
            return AttributePath.parse(text);
        } catch (ExprException e) {
            throw new DefinitionException(field, e.getMessage());
        }
    }

    private static IdAttribute idAttribute(Map<Object, Object> cfg, String key, String target)
            throws DefinitionException {
        String source = optionalText(cfg, key);
        if (source == null) {
            source = target;
        }
        return new IdAttribute(key, target, source, source.isEmpty() ? null : attribute(source, key));
    }

    private static final class Builder {
        Map<Object, Object> raw;
        String name;
        MeterType sampleType;
        String unit;
        AttributePath valueAttribute;
        MultiMetric multi;
        String endpointType;
        String urlPath;
        Expression urlPathExpression;
        final List<MetadataField> metadataFields = new ArrayList<>();
        List<Object> skipSampleValues = List.of();
        final Map<Object, Object> valueMapping = new LinkedHashMap<>();
        Object defaultValue = -1L;
        final Map<String, String> metadataMapping = new LinkedHashMap<>();
        boolean preserveMappedMetadata = true;
        AttributePath responseEntriesKey;
        AttributePath nextSampleUrlAttribute;
        final List<IdAttribute> idAttributes = new ArrayList<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        Duration timeout = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
        long cacheSeconds = DEFAULT_CACHE_SECONDS;
        long responseCacheSeconds;
        final List<PollsterDefinition> extraMetadataFields = new ArrayList<>();
        List<Object> extraMetadataFieldsSkip = List.of(Map.of());
        final List<ResponseHandler> responseHandlers = new ArrayList<>(List.of(ResponseHandler.JSON));
        final List<String> namespaces = new ArrayList<>(List.of("central"));
        final Map<String, Object> baseMetadata = new LinkedHashMap<>();
        Authenticator authenticator;
        String authenticationParameters = "";
        String barbicanSecretId = "";
    }
}
