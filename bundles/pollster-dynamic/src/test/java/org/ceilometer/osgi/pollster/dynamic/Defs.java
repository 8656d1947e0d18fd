package org.ceilometer.osgi.pollster.dynamic;

import java.io.StringReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.ceilometer.osgi.pollster.dynamic.DefinitionFile.Loaded;

/** Helpers: definitions from YAML text, pollsters from definitions. */
final class Defs {
    private Defs() {}

    static DefinitionFile file(String yaml) {
        return DefinitionFile.parse("test.yaml", new StringReader(yaml));
    }

    /** The one definition of a YAML text, or an AssertionError naming its errors. */
    static PollsterDefinition one(String yaml) {
        DefinitionFile f = file(yaml);
        if (!f.errors().isEmpty() || f.loaded().size() != 1) {
            throw new AssertionError("expected one good definition, got " + f.loaded().size() + " and errors "
                    + f.errors());
        }
        return f.loaded().get(0).definition();
    }

    /** The error of a YAML text of one bad definition. */
    static String error(String yaml) {
        DefinitionFile f = file(yaml);
        if (f.errors().size() != 1) {
            throw new AssertionError("expected one error, got " + f.errors() + " and " + names(f));
        }
        return f.errors().get(0);
    }

    static List<String> names(DefinitionFile f) {
        List<String> out = new ArrayList<>();
        for (Loaded l : f.loaded()) {
            out.add(l.definition().name);
        }
        return out;
    }

    static DynamicPollster pollster(String yaml) {
        return new DynamicPollster(one(yaml), "test.yaml#x", Clock.systemUTC());
    }
}
