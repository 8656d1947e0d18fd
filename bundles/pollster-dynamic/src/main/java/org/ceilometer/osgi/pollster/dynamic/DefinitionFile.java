package org.ceilometer.osgi.pollster.dynamic;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML file of dynamic pollster definitions (a list, as master's {@code pollsters.d} files), read
 * definition by definition: one that is wrong is rejected with the file, its number, its name, its
 * line and the field; the others are kept. Only YAML's plain types are built (no tag constructs anything).
 */
final class DefinitionFile {
    /** A definition that can be registered. */
    record Loaded(int index, int line, PollsterDefinition definition, List<String> warnings) {}

    private final String displayName;
    private final List<Loaded> loaded;
    private final List<String> errors;
    private final List<String> warnings;

    private DefinitionFile(String displayName, List<Loaded> loaded, List<String> errors, List<String> warnings) {
        this.displayName = displayName;
        this.loaded = List.copyOf(loaded);
        this.errors = List.copyOf(errors);
        this.warnings = List.copyOf(warnings);
    }

    String displayName() {
        return displayName;
    }

    /** The good definitions, in the order of the file. */
    List<Loaded> loaded() {
        return loaded;
    }

    /** One message per rejected definition, or one for the file. */
    List<String> errors() {
        return errors;
    }

    List<String> warnings() {
        return warnings;
    }

    static DefinitionFile read(Path file, String displayName) throws IOException {
        return parse(displayName, new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
    }

    static DefinitionFile parse(String displayName, Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(100);
        options.setCodePointLimit(16 * 1024 * 1024);
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Loaded> loaded = new ArrayList<>();
        Node root;
        try {
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            errors.add(displayName + ":" + line + ": invalid YAML: " + e.getProblem() + "; no definition of the file "
                    + "is loaded");
            return new DefinitionFile(displayName, loaded, errors, warnings);
        } catch (YAMLException e) {
            errors.add(displayName + ": invalid YAML: " + e.getMessage() + "; no definition of the file is loaded");
            return new DefinitionFile(displayName, loaded, errors, warnings);
        }
        if (root == null) {
            return new DefinitionFile(displayName, loaded, errors, warnings);
        }
        List<Node> items;
        if (root instanceof SequenceNode) {
            items = ((SequenceNode) root).getValue();
        } else if (root instanceof MappingNode) {
            items = List.of(root);
            warnings.add(displayName + ": holds one definition rather than a list of them; loaded all the same");
        } else {
            errors.add(displayName + ":" + (root.getStartMark().getLine() + 1)
                    + ": a dynamic pollster file is a YAML list of definitions");
            return new DefinitionFile(displayName, loaded, errors, warnings);
        }
        NodeConstructor constructor = new NodeConstructor(options);
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            int index = i + 1;
            int line = item.getStartMark().getLine() + 1;
            String name = nameOf(item);
            String where = displayName + ": definition " + index + (name == null ? "" : " '" + name + "'") + " (line "
                    + line + ")";
            if (!(item instanceof MappingNode)) {
                errors.add(where + ": a definition is a map of fields");
                continue;
            }
            Object value;
            try {
                value = constructor.construct(item);
            } catch (MarkedYAMLException e) {
                int at = e.getProblemMark() == null ? line : e.getProblemMark().getLine() + 1;
                errors.add(where + ": invalid YAML at line " + at + ": " + e.getProblem());
                continue;
            } catch (YAMLException e) {
                errors.add(where + ": invalid YAML: " + e.getMessage());
                continue;
            }
            List<String> defWarnings = new ArrayList<>();
            PollsterDefinition def;
            try {
                def = PollsterDefinition.parse((Map<?, ?>) value, defWarnings);
            } catch (DefinitionException e) {
                errors.add(where + ": " + (e.field() == null ? "" : "field '" + e.field() + "': ") + e.getMessage());
                continue;
            }
            Integer first = names.putIfAbsent(def.name, index);
            if (first != null) {
                errors.add(where + ": field 'name': pollster '" + def.name + "' is already defined by definition "
                        + first + " of this file; the first one is kept");
                continue;
            }
            defWarnings.forEach(w -> warnings.add(where + ": " + w));
            loaded.add(new Loaded(index, line, def, defWarnings));
        }
        return new DefinitionFile(displayName, loaded, errors, warnings);
    }

    /** The {@code name} of a definition node, when it is a plain scalar. */
    private static String nameOf(Node item) {
        if (item instanceof MappingNode) {
            for (NodeTuple t : ((MappingNode) item).getValue()) {
                if (t.getKeyNode() instanceof ScalarNode && "name".equals(((ScalarNode) t.getKeyNode()).getValue())
                        && t.getValueNode() instanceof ScalarNode) {
                    return ((ScalarNode) t.getValueNode()).getValue();
                }
            }
        }
        return null;
    }

    /** SnakeYAML's safe constructor, one node at a time. */
    private static final class NodeConstructor extends SafeConstructor {
        NodeConstructor(LoaderOptions options) {
            super(options);
        }

        Object construct(Node node) {
            return constructObject(node);
        }
    }
}
