package org.ceilometer.osgi.pollster.dynamic.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpressionTest {
    private static Object eval(String src, Object value) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("value", value);
        return Expression.parse(src).evaluate(vars);
    }

    private static Object eval(String src) {
        return eval(src, null);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void operationsFromCeilometersDocumentation() {
        // telemetry-dynamic-pollster.rst, "Operations on extracted attributes" and the linked responses
        assertEquals("proj", eval("value.split('$')[0].strip()", " proj $user"));
        assertEquals(List.of("proj", "user"), eval("value.split ('$')", "proj$user"));
        List<Object> links = List.of(map("href", "http://next", "rel", "next"), map("href", "http://prev", "rel", "prev"));
        Object filtered = eval("filter(lambda v: v.get('rel') == 'next', value)", links);
        Object listed = eval("list(value)", filtered);
        Object first = eval("value[0]", listed);
        assertEquals("http://next", eval("value.get('href')", first));
        assertEquals("https://next", eval("value.replace('http:', 'https:')", "http://next"));
        assertEquals(map("id", ""), eval("value or { 'id': '' }", null));
        assertEquals("img", eval("(value or { 'id': '' })['id']", map("id", "img")));
        assertEquals("a,b", eval("','.join(value)", List.of("a", "b")));
        assertEquals(0L, eval("value['key1']['subKey1'][0]['d'] if 'key1' in value else 0", map("x", 1L)));
        assertEquals(7L, eval("value['key1']['subKey1'][0]['d'] if 'key1' in value else 0",
                map("key1", map("subKey1", List.of(map("d", 7L))))));
        assertEquals("/v3/projects/9999", Expression.parse("'/v3/projects/' + str(sample['project_id'])")
                .evaluate(Map.of("sample", map("project_id", 9999L))));
    }

    @Test
    void arithmeticFollowsPython() {
        // master's test_dynamic_pollster: "key.subKey | value + 1|value / 2  |  value * 3" on 1 gives 3.0
        assertEquals(3.0, AttributePath.parse("key.subKey | value + 1|value / 2  |  value * 3")
                .read(map("key", map("subKey", 1L))));
        assertEquals(5000L, eval("value * 1000", 5L));
        assertEquals(2.5, eval("value / 2", 5L));
        assertEquals(2L, eval("value // 2", 5L));
        assertEquals(-3L, eval("-7 // 3"));
        assertEquals(2L, eval("-7 % 3"));
        assertEquals(1024L, eval("2 ** 10"));
        assertEquals(0.5, eval("2 ** -1"));
        assertEquals(3L, eval("True + 2"));
        assertEquals(2L, eval("round(2.5)"));
        assertEquals(2.67, eval("round(2.675, 2)"));
        assertEquals(12L, eval("int(' 12 ')"));
        assertEquals(1.5e-5, eval("float('1.5e-5')"));
        assertEquals("1e-05", eval("str(0.00001)"));
        assertEquals("1.0", eval("str(value)", 1.0));
        assertEquals("None", eval("str(None)"));
        assertEquals("{'a': [1, 'x']}", eval("str({'a': [1, 'x']})"));
        assertEquals(new java.math.BigInteger("18446744073709551616"), eval("2 ** 64"));
    }

    @Test
    void comparisonsAndBooleansFollowPython() {
        assertEquals(true, eval("1 == 1.0"));
        assertEquals(true, eval("1 < 2 <= 2"));
        assertEquals(false, eval("1 < 2 > 3"));
        assertEquals(true, eval("'ab' in 'cabd'"));
        assertEquals(true, eval("'x' not in {'y': 1}"));
        assertEquals(true, eval("value is None", null));
        assertEquals("dflt", eval("value and value['a'] or 'dflt'", map()));
        assertEquals(0L, eval("value or 0", ""));
        assertEquals(List.of(), eval("[] and 5"));
        assertEquals(true, eval("not value", List.of()));
    }

    @Test
    void collectionsComprehensionsAndBuiltins() {
        List<Object> items = List.of(map("n", "b", "v", 2L), map("n", "a", "v", 1L));
        assertEquals(List.of("a", "b"), eval("sorted([x['n'] for x in value])", items));
        assertEquals(3L, eval("sum(x['v'] for x in value)", items));
        assertEquals(map("b", 2L, "a", 1L), eval("{x['n']: x['v'] for x in value}", items));
        assertEquals(List.of("a"), eval("[x['n'] for x in value if x['v'] < 2]", items));
        assertEquals("a", eval("min(value, key=lambda x: x['v'])['n']", items));
        assertEquals(List.of(2L, 1L), eval("list(map(lambda x: x['v'], value))", items));
        assertEquals(List.of(List.of("n", "b"), List.of("v", 2L)), eval("value[0].items()", items));
        assertEquals(List.of(0L, 1L, 2L), eval("list(range(3))"));
        assertEquals("bc", eval("'abcd'[1:3]"));
        assertEquals("dcba", eval("'abcd'[::-1]"));
        assertEquals(List.of(3L, 2L), eval("[1, 2, 3][:0:-1]"));
        assertEquals("d", eval("'abcd'[-1]"));
        assertEquals(2L, eval("len(value)", items));
        assertEquals("007", eval("'7'.zfill(3)"));
        assertEquals("a-b", eval("'{}-{}'.format('a', 'b')"));
        assertEquals("x=1.50", eval("'x=%.2f' % 1.5"));
        assertEquals(List.of("a", "b c"), eval("'a b c'.split(None, 1)"));
        assertEquals(List.of("a b", "c"), eval("'a b c'.rsplit(' ', 1)"));
        assertEquals(true, eval("'abc'.startswith(('x', 'a'))"));
        assertEquals("tail", eval("value.partition(':')[2]", "head:tail"));
        assertEquals("\u00e9\n", eval("'\\u00e9\\n'"));
        assertEquals("ab", eval("'a' 'b'"));
    }

    @Test
    void missingKeysAndIndexesAreKeyErrors() {
        ExprException e = assertThrows(ExprException.class, () -> eval("value['nope']", map("a", 1L)));
        assertTrue(e.isMissing());
        assertTrue(assertThrows(ExprException.class, () -> eval("value[3]", new ArrayList<>())).isMissing());
        assertNull(eval("value.get('nope')", map()));
        assertFalse(assertThrows(ExprException.class, () -> eval("value + 1", "x")).isMissing());
    }

    @Test
    void aDefinitionCannotRunCode() {
        for (String src : List.of("__import__('os')", "value.__class__", "open('/etc/passwd')", "eval('1')",
                "exec('x')", "getattr(value, 'x')", "globals()", "value.keys", "import os", "(lambda: 1).__code__",
                "type(value)", "compile('1', 'f', 'eval')")) {
            ExprException e = assertThrows(ExprException.class, () -> {
                Expression x = Expression.parse(src);
                if (!x.unknownNames(Set.of("value")).isEmpty()) {
                    throw new ExprException(ExprException.Kind.TYPE, "unknown " + x.unknownNames(Set.of("value")));
                }
                x.evaluate(Map.of("value", "v"));
            }, src);
            assertFalse(e.getMessage().isEmpty(), src);
        }
        assertThrows(ExprException.class, () -> eval("value.clear()", new HashMap<>()));
        assertThrows(ExprException.class, () -> eval("value.append(1)", new ArrayList<>()));
    }

    @Test
    void evaluationIsBounded() {
        assertEquals(ExprException.Kind.LIMIT, assertThrows(ExprException.class, () -> eval("'a' * 10 ** 9")).kind());
        assertEquals(ExprException.Kind.LIMIT, assertThrows(ExprException.class, () -> eval("2 ** 10 ** 9")).kind());
        assertEquals(ExprException.Kind.LIMIT,
                assertThrows(ExprException.class, () -> eval("(lambda f: f(f))(lambda f: f(f))")).kind());
        assertEquals(ExprException.Kind.LIMIT,
                assertThrows(ExprException.class, () -> eval("[x for x in range(999999) for y in range(999999)]"))
                        .kind());
        String deep = "(".repeat(500) + "1" + ")".repeat(500);
        assertEquals(ExprException.Kind.SYNTAX, assertThrows(ExprException.class, () -> Expression.parse(deep)).kind());
    }

    @Test
    void syntaxErrorsNameTheColumn() {
        ExprException e = assertThrows(ExprException.class, () -> Expression.parse("value.split('$'"));
        assertEquals(ExprException.Kind.SYNTAX, e.kind());
        assertTrue(e.getMessage().contains("column"), e.getMessage());
        assertThrows(ExprException.class, () -> Expression.parse("f'{value}'"));
        assertThrows(ExprException.class, () -> Expression.parse("{1, 2}"));
    }

    @Test
    void attributePathsFollowMaster() {
        Map<String, Object> entry = map("user", "proj$usr", "flavor", map("vcpus", 4L), "OS-EXT-AZ:availability_zone",
                "nova", "tags", List.of("a", "b"), "image", "");
        assertEquals("proj", AttributePath.parse("user | value.split('$') | value[0]").read(entry));
        assertEquals("proj", AttributePath.parse("user  | value.split('$') | value[0]").read(entry));
        assertEquals(4L, AttributePath.parse("flavor.vcpus").read(entry));
        assertEquals("nova", AttributePath.parse("OS-EXT-AZ:availability_zone").read(entry));
        assertEquals("a,b", AttributePath.parse("tags | ','.join(value)").read(entry));
        assertEquals("", AttributePath.parse("image | value or { 'id': '' } | value['id']").read(entry));
        assertEquals(entry, AttributePath.parse(".").read(entry));
        assertTrue(assertThrows(ExprException.class, () -> AttributePath.parse("flavor.ram").read(entry)).isMissing());
        assertThrows(ExprException.class, () -> AttributePath.parse("user | 1 + 1"));
        assertThrows(ExprException.class, () -> AttributePath.parse("user | json.dumps(value)"));
        assertEquals(List.of("a", "b ", " value", " c"), AttributePath.splitPipes("a|b | value| c"));
        assertEquals(List.of("x ", " value.split('|')[0]"), AttributePath.splitPipes("x | value.split('|')[0]"));
    }
}
