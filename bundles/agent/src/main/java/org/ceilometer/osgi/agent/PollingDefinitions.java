package org.ceilometer.osgi.agent;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads Ceilometer's polling definitions: {@code polling.yaml} (Ocata form, {@code sources:} only),
 * the {@code sources:} of a Juno {@code pipeline.yaml}, and the Havana list of pipelines (deprecated).
 * Works on YAML nodes rather than objects, so that every error names the file and the line, and so
 * that no YAML tag can construct anything.
 */
final class PollingDefinitions {
    private final List<PollingSource> sources;
    private final List<String> warnings;

    private PollingDefinitions(List<PollingSource> sources, List<String> warnings) {
        this.sources = List.copyOf(sources);
        this.warnings = List.copyOf(warnings);
    }

    List<PollingSource> sources() {
        return sources;
    }

    /** Deprecations and other remarks that did not stop the load. */
    List<String> warnings() {
        return warnings;
    }

    static PollingDefinitions load(Path file) throws PollingDefinitionException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PollingDefinitionException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return parse(file.toString(), new StringReader(text));
    }

    static PollingDefinitions parse(String fileName, Reader reader) throws PollingDefinitionException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        Node root;
        try {
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new PollingDefinitionException(fileName + ":" + line + ": invalid YAML: " + e.getProblem(), e);
        } catch (RuntimeException e) {
            throw new PollingDefinitionException(fileName + ": invalid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new PollingDefinitionException(fileName + ": the file is empty; it needs a 'sources' list");
        }
        List<String> warnings = new ArrayList<>();
        List<Node> sourceNodes;
        boolean havana = false;
        if (root instanceof SequenceNode) {
            havana = true;
            warnings.add(fileName + ": the Havana list of pipelines is deprecated; use 'sources' (polling.yaml)");
            sourceNodes = ((SequenceNode) root).getValue();
        } else if (root instanceof MappingNode) {
            Map<String, Node> top = mapping(fileName, "the file", root);
            Node s = top.get("sources");
            if (s == null) {
                throw error(fileName, root, "the file", "a 'sources' list is required");
            }
            if (!(s instanceof SequenceNode)) {
                throw error(fileName, s, "'sources'", "must be a list");
            }
            sourceNodes = ((SequenceNode) s).getValue();
        } else {
            throw error(fileName, root, "the file", "must be a mapping with a 'sources' list");
        }
        List<PollingSource> sources = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int index = 0;
        for (Node n : sourceNodes) {
            index++;
            PollingSource src = source(fileName, n, index, havana);
            if (!names.add(src.name())) {
                throw error(fileName, n, "source '" + src.name() + "'", "Duplicated source names: " + src.name());
            }
            sources.add(src);
        }
        return new PollingDefinitions(sources, warnings);
    }

    private static PollingSource source(String file, Node node, int index, boolean havana)
            throws PollingDefinitionException {
        String where = "source #" + index;
        Map<String, Node> m = mapping(file, where, node);
        Node nameNode = m.get("name");
        if (nameNode == null) {
            throw error(file, node, where, "Required field name not specified");
        }
        String name = scalar(file, nameNode, where + " 'name'");
        where = "source '" + name + "'";
        Node intervalNode = m.get("interval");
        if (intervalNode == null) {
            throw error(file, node, where, "Required field interval not specified");
        }
        String intervalText = scalar(file, intervalNode, where + " 'interval'");
        int interval;
        try {
            interval = Integer.parseInt(intervalText.trim());
        } catch (NumberFormatException e) {
            throw error(file, intervalNode, where, "Invalid interval value '" + intervalText + "'");
        }
        if (interval <= 0) {
            throw error(file, intervalNode, where, "Interval value should > 0");
        }
        Node metersNode = m.get("meters");
        if (metersNode == null && havana) {
            metersNode = m.get("counters");
        }
        if (metersNode == null) {
            throw error(file, node, where, "Required field meters not specified");
        }
        List<String> meterEntries = strings(file, metersNode, where + " 'meters'");
        MeterMatcher matcher;
        try {
            matcher = MeterMatcher.of(meterEntries);
        } catch (IllegalArgumentException e) {
            throw error(file, metersNode, where, e.getMessage());
        }
        List<String> resources = optionalList(file, m.get("resources"), where, "Resources");
        List<String> discovery = optionalList(file, m.get("discovery"), where, "Discovery");
        return new PollingSource(name, interval, matcher, resources, discovery);
    }

    private static List<String> optionalList(String file, Node n, String where, String what)
            throws PollingDefinitionException {
        if (n == null || (n instanceof ScalarNode && ((ScalarNode) n).getTag().getValue().endsWith(":null"))) {
            return List.of();
        }
        if (!(n instanceof SequenceNode)) {
            throw error(file, n, where, what + " should be a list");
        }
        return strings(file, n, where + " '" + what.toLowerCase() + "'");
    }

    private static Map<String, Node> mapping(String file, String where, Node node)
            throws PollingDefinitionException {
        if (!(node instanceof MappingNode)) {
            throw error(file, node, where, "must be a mapping");
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            out.put(scalar(file, t.getKeyNode(), where + " key"), t.getValueNode());
        }
        return out;
    }

    private static String scalar(String file, Node n, String where) throws PollingDefinitionException {
        if (!(n instanceof ScalarNode)) {
            throw error(file, n, where, "must be a single value");
        }
        return ((ScalarNode) n).getValue();
    }

    private static List<String> strings(String file, Node n, String where) throws PollingDefinitionException {
        if (!(n instanceof SequenceNode)) {
            throw error(file, n, where, "must be a list");
        }
        List<String> out = new ArrayList<>();
        for (Node item : ((SequenceNode) n).getValue()) {
            out.add(scalar(file, item, where + " entry"));
        }
        return out;
    }

    private static PollingDefinitionException error(String file, Node n, String where, String rule) {
        int line = n == null ? 0 : n.getStartMark().getLine() + 1;
        return new PollingDefinitionException(file + ":" + line + ": " + where + ": " + rule);
    }
}
