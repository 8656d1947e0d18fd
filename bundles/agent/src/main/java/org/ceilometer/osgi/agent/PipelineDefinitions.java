package org.ceilometer.osgi.agent;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads Ceilometer's {@code pipeline.yaml}: the Juno form ({@code sources} with name, meters and
 * sinks, {@code sinks} with name, transformers and publishers) and the Havana list of pipelines
 * (deprecated). A pipeline is a (source, sink) pair named {@code source} when both names agree and
 * {@code source:sink} otherwise, as in Ceilometer.
 *
 * <p>A source's interval, resources and discovery are polling matters (read by
 * {@link PollingDefinitions} when there is no polling.yaml); here they are only checked. Every
 * error names the file, the line, the entry and the rule, with Ceilometer's wording where it has one.
 * The structure is read from YAML nodes (for lines, and so that no tag constructs anything);
 * transformer parameters are read with SnakeYAML's safe constructor.
 */
final class PipelineDefinitions {
    /** One transformer of a sink: the factory name, its parameters and where it is written. */
    record TransformerDef(String name, Map<String, Object> parameters, int line) {
        TransformerDef {
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }

    /** One sink: transformers in order and publisher URLs, with the line of each publisher. */
    record SinkDef(String name, List<TransformerDef> transformers, List<String> publishers,
            List<Integer> publisherLines, int line) {
        SinkDef {
            transformers = List.copyOf(transformers);
            publishers = List.copyOf(publishers);
            publisherLines = List.copyOf(publisherLines);
        }

        /** What identifies the sink's behaviour; equal fingerprints need no rebuild. */
        String fingerprint() {
            StringBuilder sb = new StringBuilder(name).append('|');
            for (TransformerDef t : transformers) {
                sb.append(t.name()).append(t.parameters()).append(';');
            }
            return sb.append('|').append(publishers).toString();
        }
    }

    /** One source: its meters and the sinks it feeds. */
    record SourceDef(String name, MeterMatcher meters, List<String> sinks, int line) {
        SourceDef {
            sinks = List.copyOf(sinks);
        }

        String fingerprint() {
            return name + "|" + meters.entries() + "|" + sinks;
        }
    }

    /** A (source, sink) pair. */
    record PipelineDef(String name, SourceDef source, SinkDef sink) {
        String fingerprint() {
            return name + "#" + source.fingerprint() + "#" + sink.fingerprint();
        }
    }

    /** The file name used in messages when the default pipeline is in use. */
    static final String DEFAULT_NAME = "(default pipeline)";

    private final String file;
    private final List<PipelineDef> pipelines;
    private final List<SinkDef> sinks;
    private final List<String> warnings;

    private PipelineDefinitions(String file, List<PipelineDef> pipelines, List<SinkDef> sinks,
            List<String> warnings) {
        this.file = file;
        this.pipelines = List.copyOf(pipelines);
        this.sinks = List.copyOf(sinks);
        this.warnings = List.copyOf(warnings);
    }

    String file() {
        return file;
    }

    List<PipelineDef> pipelines() {
        return pipelines;
    }

    List<SinkDef> sinks() {
        return sinks;
    }

    /** Deprecations and other remarks that did not stop the load. */
    List<String> warnings() {
        return warnings;
    }

    /** With no pipeline.yaml: every meter to the agent's storage, as Ceilometer's shipped file sends all. */
    static PipelineDefinitions defaults() {
        SourceDef source = new SourceDef("meter_source", MeterMatcher.of(List.of("*")), List.of("meter_sink"), 0);
        SinkDef sink = new SinkDef("meter_sink", List.of(), List.of("database://"), List.of(0), 0);
        return new PipelineDefinitions(DEFAULT_NAME, List.of(new PipelineDef("meter_source:meter_sink", source, sink)),
                List.of(sink), List.of());
    }

    static PipelineDefinitions load(Path file) throws PollingDefinitionException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PollingDefinitionException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return parse(file.toString(), new StringReader(text));
    }

    static PipelineDefinitions parse(String fileName, Reader reader) throws PollingDefinitionException {
        String text;
        try {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            for (int n; (n = reader.read(buf)) > 0; ) {
                sb.append(buf, 0, n);
            }
            text = sb.toString();
        } catch (IOException e) {
            throw new PollingDefinitionException(fileName + ": cannot be read: " + e.getMessage(), e);
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        Node root;
        Object values;
        try {
            root = new Yaml(options).compose(new StringReader(text));
            values = root == null ? null : new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new PollingDefinitionException(fileName + ":" + line + ": invalid YAML: " + e.getProblem(), e);
        } catch (RuntimeException e) {
            throw new PollingDefinitionException(fileName + ": invalid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new PollingDefinitionException(fileName + ": the file is empty; it needs 'sources' and 'sinks'");
        }
        return new Parser(fileName).parse(root, values);
    }

    /** One parse: the file name for messages and the warnings so far. */
    private static final class Parser {
        private final String file;
        private final List<String> warnings = new ArrayList<>();

        Parser(String file) {
            this.file = file;
        }

        PipelineDefinitions parse(Node root, Object values) throws PollingDefinitionException {
            if (root instanceof SequenceNode) {
                return havana((SequenceNode) root, (List<?>) values);
            }
            if (!(root instanceof MappingNode)) {
                throw error(root, "the file", "must be a mapping with 'sources' and 'sinks'");
            }
            Map<String, Node> top = mapping(root, "the file");
            Node sourcesNode = top.get("sources");
            Node sinksNode = top.get("sinks");
            if (sourcesNode == null || sinksNode == null) {
                throw error(root, "the file", "Both sources & sinks are required");
            }
            for (String k : top.keySet()) {
                if (!k.equals("sources") && !k.equals("sinks")) {
                    warnings.add(file + ":" + line(top.get(k)) + ": unknown top-level key '" + k + "' is ignored");
                }
            }
            if (!(sourcesNode instanceof SequenceNode)) {
                throw error(sourcesNode, "'sources'", "must be a list");
            }
            if (!(sinksNode instanceof SequenceNode)) {
                throw error(sinksNode, "'sinks'", "must be a list");
            }
            List<?> sinkValues = (List<?>) ((Map<?, ?>) values).get("sinks");
            Map<String, SinkDef> sinks = new LinkedHashMap<>();
            int index = 0;
            for (Node n : ((SequenceNode) sinksNode).getValue()) {
                SinkDef sink = sink(n, index + 1, sinkValues.get(index));
                index++;
                if (sinks.putIfAbsent(sink.name(), sink) != null) {
                    throw error(n, "sink '" + sink.name() + "'", "Duplicated sink names: " + sink.name());
                }
            }
            List<PipelineDef> pipelines = new ArrayList<>();
            Map<String, SourceDef> sources = new LinkedHashMap<>();
            index = 0;
            for (Node n : ((SequenceNode) sourcesNode).getValue()) {
                index++;
                SourceDef source = source(n, index, false);
                if (sources.putIfAbsent(source.name(), source) != null) {
                    throw error(n, "source '" + source.name() + "'", "Duplicated source names: " + source.name());
                }
                for (String s : source.sinks()) {
                    SinkDef sink = sinks.get(s);
                    if (sink == null) {
                        throw new PollingDefinitionException(file + ":" + source.line() + ": source '" + source.name()
                                + "': Dangling sink " + s + " from source " + source.name());
                    }
                    pipelines.add(new PipelineDef(pipelineName(source.name(), s), source, sink));
                }
            }
            for (SinkDef sink : sinks.values()) {
                if (pipelines.stream().noneMatch(p -> p.sink() == sink)) {
                    warnings.add(file + ":" + sink.line() + ": sink '" + sink.name() + "' is fed by no source");
                }
            }
            return new PipelineDefinitions(file, pipelines, new ArrayList<>(sinks.values()), warnings);
        }

        private PipelineDefinitions havana(SequenceNode root, List<?> values) throws PollingDefinitionException {
            warnings.add(file + ": the Havana list of pipelines is deprecated; use 'sources' and 'sinks'");
            List<PipelineDef> pipelines = new ArrayList<>();
            List<SinkDef> sinks = new ArrayList<>();
            java.util.Set<String> names = new java.util.HashSet<>();
            int index = 0;
            for (Node n : root.getValue()) {
                SourceDef source = source(n, index + 1, true);
                SinkDef sink = sink(n, index + 1, values.get(index));
                index++;
                if (!names.add(source.name())) {
                    throw error(n, "pipeline '" + source.name() + "'", "Duplicated pipeline names: " + source.name());
                }
                sinks.add(sink);
                pipelines.add(new PipelineDef(source.name(), source, sink));
            }
            return new PipelineDefinitions(file, pipelines, sinks, warnings);
        }

        private SourceDef source(Node node, int index, boolean havana) throws PollingDefinitionException {
            String where = (havana ? "pipeline #" : "source #") + index;
            Map<String, Node> m = mapping(node, where);
            Node nameNode = m.get("name");
            if (nameNode == null) {
                throw error(node, where, "Required field name not specified");
            }
            String name = scalar(nameNode, where + " 'name'");
            where = (havana ? "pipeline '" : "source '") + name + "'";
            Node intervalNode = m.get("interval");
            if (intervalNode != null && !isNull(intervalNode)) {
                String text = scalar(intervalNode, where + " 'interval'");
                int interval;
                try {
                    interval = Integer.parseInt(text.trim());
                } catch (NumberFormatException e) {
                    throw error(intervalNode, where, "Invalid interval value '" + text + "'");
                }
                if (interval <= 0) {
                    throw error(intervalNode, where, "Interval value should > 0");
                }
            }
            Node metersNode = m.get("meters");
            if (metersNode == null) {
                metersNode = m.get("counters");
            }
            if (metersNode == null || isNull(metersNode)) {
                throw error(node, where, "No meters specified");
            }
            MeterMatcher matcher;
            try {
                matcher = MeterMatcher.of(strings(metersNode, where + " 'meters'"));
            } catch (IllegalArgumentException e) {
                throw error(metersNode, where, e.getMessage());
            }
            optionalList(m.get("resources"), where, "Resources");
            optionalList(m.get("discovery"), where, "Discovery");
            List<String> sinks;
            if (havana) {
                sinks = List.of(name);
            } else {
                Node sinksNode = m.get("sinks");
                sinks = sinksNode == null || isNull(sinksNode) ? List.of() : strings(sinksNode, where + " 'sinks'");
                if (sinks.isEmpty()) {
                    throw error(sinksNode == null ? node : sinksNode, where, "No sink defined in source " + name);
                }
            }
            return new SourceDef(name, matcher, sinks, line(node));
        }

        private SinkDef sink(Node node, int index, Object value) throws PollingDefinitionException {
            String where = "sink #" + index;
            Map<String, Node> m = mapping(node, where);
            Map<?, ?> values = (Map<?, ?>) value;
            Node nameNode = m.get("name");
            if (nameNode == null) {
                throw error(node, where, "Required field name not specified");
            }
            String name = scalar(nameNode, where + " 'name'");
            where = "sink '" + name + "'";
            List<TransformerDef> transformers = new ArrayList<>();
            Node tNode = m.get("transformers");
            if (tNode != null && !isNull(tNode)) {
                if (!(tNode instanceof SequenceNode)) {
                    throw error(tNode, where, "'transformers' must be a list");
                }
                List<?> tValues = (List<?>) values.get("transformers");
                int i = 0;
                for (Node t : ((SequenceNode) tNode).getValue()) {
                    transformers.add(transformer(t, where, tValues.get(i++)));
                }
            }
            Node pNode = m.get("publishers");
            if (pNode == null || isNull(pNode)) {
                throw error(node, where, "No publisher specified");
            }
            if (!(pNode instanceof SequenceNode) || ((SequenceNode) pNode).getValue().isEmpty()) {
                throw error(pNode, where, "No publisher specified");
            }
            List<String> publishers = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            for (Node p : ((SequenceNode) pNode).getValue()) {
                String url = scalar(p, where + " publisher").trim();
                if (url.isEmpty()) {
                    throw error(p, where, "empty publisher");
                }
                if (!url.contains("://")) {
                    url = url + "://"; // Ceilometer accepts the old form without a URL
                }
                try {
                    PublisherUrl.parse(url);
                } catch (IllegalArgumentException e) {
                    throw error(p, where, "publisher " + Urls.mask(url) + ": " + e.getMessage());
                }
                publishers.add(url);
                lines.add(line(p));
            }
            return new SinkDef(name, transformers, publishers, lines, line(node));
        }

        private TransformerDef transformer(Node node, String where, Object value) throws PollingDefinitionException {
            Map<String, Node> m = mapping(node, where + " transformer");
            Node nameNode = m.get("name");
            if (nameNode == null) {
                throw error(node, where + " transformer", "Required field name not specified");
            }
            String name = scalar(nameNode, where + " transformer 'name'");
            Node params = m.get("parameters");
            Map<String, Object> parameters = new LinkedHashMap<>();
            if (params != null && !isNull(params)) {
                if (!(params instanceof MappingNode)) {
                    throw error(params, where + " transformer '" + name + "'", "'parameters' must be a mapping");
                }
                Object p = ((Map<?, ?>) value).get("parameters");
                ((Map<?, ?>) p).forEach((k, v) -> parameters.put(String.valueOf(k), v));
            }
            for (String k : m.keySet()) {
                if (!k.equals("name") && !k.equals("parameters")) {
                    warnings.add(file + ":" + line(m.get(k)) + ": " + where + " transformer '" + name
                            + "': unknown key '" + k + "' is ignored");
                }
            }
            return new TransformerDef(name, parameters, line(node));
        }

        private void optionalList(Node n, String where, String what) throws PollingDefinitionException {
            if (n == null || isNull(n)) {
                return;
            }
            if (!(n instanceof SequenceNode)) {
                throw error(n, where, what + " should be a list");
            }
            strings(n, where + " '" + what.toLowerCase(java.util.Locale.ROOT) + "'");
        }

        private Map<String, Node> mapping(Node node, String where) throws PollingDefinitionException {
            if (!(node instanceof MappingNode)) {
                throw error(node, where, "must be a mapping");
            }
            Map<String, Node> out = new LinkedHashMap<>();
            for (NodeTuple t : ((MappingNode) node).getValue()) {
                out.put(scalar(t.getKeyNode(), where + " key"), t.getValueNode());
            }
            return out;
        }

        private String scalar(Node n, String where) throws PollingDefinitionException {
            if (!(n instanceof ScalarNode)) {
                throw error(n, where, "must be a single value");
            }
            return ((ScalarNode) n).getValue();
        }

        private List<String> strings(Node n, String where) throws PollingDefinitionException {
            if (!(n instanceof SequenceNode)) {
                throw error(n, where, "must be a list");
            }
            List<String> out = new ArrayList<>();
            for (Node item : ((SequenceNode) n).getValue()) {
                out.add(scalar(item, where + " entry"));
            }
            return out;
        }

        private PollingDefinitionException error(Node n, String where, String rule) {
            return new PollingDefinitionException(file + ":" + line(n) + ": " + where + ": " + rule);
        }
    }

    static String pipelineName(String source, String sink) {
        return source.equals(sink) ? source : source + ":" + sink;
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode && Tag.NULL.equals(n.getTag());
    }

    private static int line(Node n) {
        return n == null ? 0 : n.getStartMark().getLine() + 1;
    }
}
