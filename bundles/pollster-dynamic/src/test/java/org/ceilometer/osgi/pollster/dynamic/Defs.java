package org.ceilometer.osgi.pollster.dynamic;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ceilometer.osgi.pollster.dynamic.DefinitionFile.Loaded;
import org.ceilometer.osgi.testsupport.FakeOpenStackClient;
import org.ceilometer.osgi.testsupport.FakePollContext;

/** Helpers: definitions from YAML text, pollsters from definitions, a polling cycle. */
final class Defs {
    /** The timestamp of the cycles of {@link #cycle}. */
    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private Defs() {}

    /** A cycle on a fake session: a pool of its own announcing parallelism 4, a five-minute timeout. */
    static FakePollContext cycle(FakeOpenStackClient os) {
        return FakePollContext.withPool(os, NOW, 4).timeout(Duration.ofMinutes(5));
    }

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
