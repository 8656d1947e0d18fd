package org.ceilometer.osgi.transformers.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each expected value is what Python 3 gives for the same expression. */
class ExpressionTest {
    private static final Map<String, Object> NS = Map.of(
            "volume", 2_000_000_000L,
            "name", "cpu",
            "resource_metadata", Map.of("cpu_number", 4L, "flavor", Map.of("ram", 512L), "tags", List.of("a", "b"),
                    "zero", 0L));

    private static Object eval(String text) {
        return Expression.parse(text).evaluate(name -> NS.containsKey(name) ? NS.get(name) : PyOps.MISSING);
    }

    @Test
    void arithmeticFollowsPython3() {
        assertEquals(7L, eval("1 + 2 * 3"));
        assertEquals(9L, eval("(1 + 2) * 3"));
        assertEquals(1_000_000_000L, eval("10**9"));
        assertEquals(0.5, eval("1 / 2"));
        assertEquals(2.0, eval("4 / 2"));
        assertEquals(-2L, eval("-3 // 2"));
        assertEquals(1L, eval("-3 % 2"));
        assertEquals(-1L, eval("3 % -2"));
        assertEquals(-4L, eval("-2 ** 2"));
        assertEquals(0.5, eval("2 ** -1"));
        assertEquals(512L, eval("2 ** 3 ** 2"));
        assertEquals(1.5, eval("1.0 * 3 / 2"));
        assertEquals(0.001, eval("1e-3"));
        assertEquals(0.5, eval(".5"));
        assertEquals(2L, eval("True + True"));
        assertEquals(1.5, eval("7.5 % 2"));
        assertEquals(-0.5, eval("7.5 % -2"));
        assertEquals(3.0, eval("7.5 // 2"));
        assertEquals(1.0E19, eval("10 ** 19"), "beyond 64 bits an int becomes a float");
        assertEquals(9.223372036854776E18, eval("9223372036854775807 + 1"));
    }

    @Test
    void cpuUtilScale() {
        Object v = eval("100.0 / (10**9 * (resource_metadata.cpu_number or 1))");
        assertEquals(2.5e-8, (Double) v, 1e-22);
        assertEquals(1e-7, (Double) Expression.parse("100.0 / (10**9 * (resource_metadata.cpu_number or 1))")
                .evaluate(name -> PyOps.MISSING), 1e-22, "a missing field is false, so 'or 1' applies");
    }

    @Test
    void fieldAccessAndSubscripts() {
        assertEquals(512L, eval("resource_metadata.flavor.ram"));
        assertEquals(512L, eval("resource_metadata['flavor']['ram']"));
        assertEquals("b", eval("resource_metadata.tags[-1]"));
        assertEquals(PyOps.MISSING, eval("resource_metadata.nothing.deeper"));
        assertEquals(PyOps.MISSING, eval("unknown_name"));
        assertEquals(3L, eval("resource_metadata.zero or 3"), "0 is false");
        assertEquals(0L, eval("resource_metadata.zero and 3"));
        ExpressionException e = assertThrows(ExpressionException.class, () -> eval("volume.real"));
        assertTrue(e.getMessage().contains("'int' object has no attribute 'real'"), e.getMessage());
        assertThrows(ExpressionException.class, () -> eval("resource_metadata.tags[5]"));
    }

    @Test
    void comparisonsAndLogic() {
        assertEquals(true, eval("1 < 2 < 3"));
        assertEquals(false, eval("1 < 3 < 2"));
        assertEquals(true, eval("1 == 1.0"));
        assertEquals(true, eval("name == 'cpu'"));
        assertEquals(true, eval("name != \"mem\""));
        assertEquals(true, eval("not resource_metadata.missing"));
        assertEquals(true, eval("None is None"));
        assertEquals(true, eval("resource_metadata.cpu_number is not None"));
        assertEquals(false, eval("resource_metadata.missing is None"), "a missing field is not None");
        assertEquals(4L, eval("resource_metadata.cpu_number if volume > 0 else 1"));
        assertEquals("yes", eval("'yes' if 9007199254740993 > 9007199254740992.0 else 'no'"),
                "int/float comparison is exact");
        assertThrows(ExpressionException.class, () -> eval("1 < 'a'"));
    }

    @Test
    void functions() {
        assertEquals(1L, eval("min(3, 1, 2)"));
        assertEquals(3.5, eval("max(3, 1, 3.5)"));
        assertEquals(5L, eval("abs(-5)"));
        assertEquals(2L, eval("int(2.9)"));
        assertEquals(-2L, eval("int(-2.9)"));
        assertEquals(42L, eval("int('42')"));
        assertEquals(2.0, eval("float(2)"));
        assertEquals(2L, eval("round(2.5)"));
        assertEquals(4L, eval("round(3.5)"));
        assertEquals(2.67, eval("round(2.675, 2)"));
        assertEquals("a", eval("min(resource_metadata.tags)"));
    }

    @Test
    void errorsAtEvaluation() {
        assertThrows(ExpressionException.class, () -> eval("1 / 0"));
        assertThrows(ExpressionException.class, () -> eval("1.0 / 0.0"));
        assertThrows(ExpressionException.class, () -> eval("1 % 0"));
        ExpressionException e = assertThrows(ExpressionException.class, () -> eval("resource_metadata.missing * 2"));
        assertTrue(e.getMessage().contains("unsupported operand"), e.getMessage());
        assertThrows(ExpressionException.class, () -> eval("None + 1"));
        assertThrows(ExpressionException.class, () -> eval("(-8) ** 0.5"));
    }

    @Test
    void nothingButTheGrammarCanRun() {
        for (String bad : List.of("__import__('os').system('true')", "open('/etc/passwd')", "exec('1')",
                "volume.__class__", "(lambda: 1)()", "[x for x in 'ab']", "volume; 1", "getattr(volume, 'x')",
                "eval('1')", "name.upper()", "{'a': 1}", "1 if 2", "", "   ", "$(unterminated", "1 +", "01",
                "'open string", "a = 1", "1 in [1]", "x[", "volume @ 2", "2 ** ** 2")) {
            assertThrows(IllegalArgumentException.class, () -> Expression.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Expression.parse("resource_metadata.__dict__"));
        assertThrows(IllegalArgumentException.class, () -> Expression.parse("__builtins__"));
    }

    @Test
    void depthAndLengthAreBounded() {
        String deep = "(".repeat(200) + "1" + ")".repeat(200);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Expression.parse(deep));
        assertTrue(e.getMessage().contains("nests deeper"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Expression.parse("-".repeat(100) + "1"));
        assertThrows(IllegalArgumentException.class, () -> Expression.parse("1+".repeat(3000) + "1"));
        assertEquals(2000L, Expression.parse("1+".repeat(1999) + "1").evaluate(n -> PyOps.MISSING));
    }

    @Test
    void meterReferences() {
        Expression e = Expression.parse("100 * $(memory.usage) / $(memory) + $(memory).resource_metadata.ram * 0");
        assertEquals(List.of("memory.usage", "memory"), List.copyOf(e.meters()));
        Map<String, Object> usage = Map.of("volume", 128L);
        Map<String, Object> memory = Map.of("volume", 512L, "resource_metadata", Map.of("ram", 1L));
        Object v = e.evaluate(new Resolver() {
            @Override
            public Object name(String name) {
                return PyOps.MISSING;
            }

            @Override
            public Object meter(String name) {
                return name.equals("memory") ? memory : usage;
            }
        });
        assertEquals(25.0, v);
    }
}
