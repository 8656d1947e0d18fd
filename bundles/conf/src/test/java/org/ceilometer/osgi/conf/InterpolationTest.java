package org.ceilometer.osgi.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class InterpolationTest {
    private static final Map<String, Map<String, String>> FILE = Map.of(
            "DEFAULT", Map.of("state_path", "/var/lib/ceilometer", "db", "ceilometer", "loop", "$loop!"),
            "database", Map.of("sqlite_db", "ceilometer.sqlite", "user", "ceilo", "db", "meters",
                    "nested", "${user}@$db"));
    private static final BiFunction<String, String, String> LOOKUP = (s, k) -> FILE.getOrDefault(s, Map.of()).get(k);

    private static String sub(String v, String section) {
        return Interpolation.substitute(v, section, LOOKUP, Map.of("host", "node-7")::get);
    }

    @Test
    void sameSectionFirstThenDefault() {
        assertEquals("sqlite:////var/lib/ceilometer/ceilometer.sqlite",
                sub("sqlite:///$state_path/$sqlite_db", "database"));
        assertEquals("meters", sub("$db", "database"));
        assertEquals("ceilometer", sub("$db", "polling"));
    }

    @Test
    void bracesAndSectionQualifiedNames() {
        assertEquals("ceilo-x", sub("${user}-x", "database"));
        assertEquals("ceilo", sub("${database.user}", "DEFAULT"));
        assertEquals("ceilo", sub("$database.user", "DEFAULT"));
        assertEquals("ceilo@meters", sub("$nested", "database"));
    }

    @Test
    void escapesAndUnknownNamesStayAsWritten() {
        assertEquals("pa$word", sub("pa$$word", "DEFAULT"));
        assertEquals("pa$word", sub("pa\\$word", "DEFAULT"));
        assertEquals("$nothing ${nothing} $ {x", sub("$nothing ${nothing} $ {x", "DEFAULT"));
        assertEquals("cost: 5$", sub("cost: 5$", "DEFAULT"));
    }

    @Test
    void builtinDefaultsWhenTheFileDoesNotSetThem() {
        assertEquals("ceilometer-node-7", sub("ceilometer-$host", "DEFAULT"));
    }

    @Test
    void aLoopEndsInsteadOfRecursingForever() {
        String v = sub("$loop", "DEFAULT");
        assertEquals("$loop" + "!".repeat(Interpolation.MAX_DEPTH), v);
    }

    @Test
    void valuesWithoutDollarAreUntouched() {
        assertEquals("plain \\ text", sub("plain \\ text", "DEFAULT"));
    }
}
