package org.ceilometer.osgi.publishers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PyJsonTest {

    @Test
    void writesAsPythonJsonDumps() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "cpu");
        m.put("volume", 1e16);
        m.put("f", 0.1);
        m.put("i", 42L);
        m.put("n", null);
        m.put("t", true);
        m.put("l", Arrays.asList(1, "a", Map.of("b", List.of())));
        m.put("u", "caf\u00e9 \u2603 \uD83D\uDE00");
        m.put("c", "q\"\\ \n\t\u0001\u007f");
        m.put("inf", Double.POSITIVE_INFINITY);
        m.put("e", Map.of());
        // python3 -c 'import json; print(json.dumps({...}))' with the same values
        assertEquals("{\"name\": \"cpu\", \"volume\": 1e+16, \"f\": 0.1, \"i\": 42, \"n\": null, \"t\": true, "
                + "\"l\": [1, \"a\", {\"b\": []}], \"u\": \"caf\\u00e9 \\u2603 \\ud83d\\ude00\", "
                + "\"c\": \"q\\\"\\\\ \\n\\t\\u0001\\u007f\", \"inf\": Infinity, \"e\": {}}", PyJson.dumps(m));
    }
}
