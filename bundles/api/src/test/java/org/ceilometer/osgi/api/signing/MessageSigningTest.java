package org.ceilometer.osgi.api.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Signatures against vectors computed with Python 3: each vector here has a twin of the same name in
 * {@code src/test/python/signature_vectors.py}, which prints the expected hex strings.
 */
class MessageSigningTest {
    private static final String SECRET = "secret";

    /** An ordered map from alternating keys and values (kept out of sorted order on purpose). */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    static Map<String, Object> base() {
        return map("source", "openstack", "counter_name", "storage.objects", "counter_type", "gauge",
                "counter_unit", "object", "counter_volume", 42L, "user_id", null, "project_id", "p1",
                "resource_id", "p1", "timestamp", "2013-10-12T14:35:59Z",
                "resource_metadata", map("b", map("c", "x"), "a", 1L), "message_id", "m1");
    }

    static Map<String, Object> with(Object volume, Map<String, Object> metadata) {
        Map<String, Object> m = base();
        if (volume != null) {
            m.put("counter_volume", volume);
        }
        if (metadata != null) {
            m.put("resource_metadata", metadata);
        }
        return m;
    }

    @Test
    void baseVectorOfTheFacts() {
        assertEquals("b669af4d9cb5dd2c44b68a5cb2f3d72ced680af2324f7c5f8b78127c4c6c9875",
                MessageSigning.computeSignature(base(), SECRET));
    }

    @Test
    void flattenedOrderIsSortedWithNestedNames() {
        List<String> names = MessageSigning.flatten(base()).stream().map(Map.Entry::getKey)
                .collect(Collectors.toList());
        assertEquals(List.of("counter_name", "counter_type", "counter_unit", "counter_volume", "message_id",
                "project_id", "resource_id", "resource_metadata:a", "resource_metadata:b:c", "source",
                "timestamp", "user_id"), names);
    }

    @Test
    void existingSignatureFieldIsSkipped() {
        Map<String, Object> m = base();
        m.put("message_signature", "ignored");
        assertEquals("b669af4d9cb5dd2c44b68a5cb2f3d72ced680af2324f7c5f8b78127c4c6c9875",
                MessageSigning.computeSignature(m, SECRET));
    }

    @Test
    void floatVolumes() {
        assertEquals("fa2c220eda9c1f9eb70f36f17f393eaa8887e4550ee802c20ff4f1b4c64a7f8f",
                MessageSigning.computeSignature(with(0.1, null), SECRET));
        assertEquals("1ef0715aa3534f0487584c04b367afdb0fd821391ec93d0f9e5c2b7ad223eee8",
                MessageSigning.computeSignature(with(42.0, null), SECRET));
    }

    @Test
    void floatsInPythonShortestRepr() {
        Map<String, Object> md = map("f1", 1e15, "f2", 1e-05, "f3", 0.0001, "f4", 123456789.123, "f5", 1.5e300,
                "f6", -0.0, "f7", 1e22, "f8", 5e-324, "f9", 0.30000000000000004, "f10", 2.5e-7,
                "f11", 1.7976931348623157e308, "f12", 9007199254740993.0, "f13", 2.8287938480615901e17,
                "f14", 100.0, "f15", -3.75);
        assertEquals("3a84713063914df979f69de15f3de349b94004519e380da0db8184a7c24a613f",
                MessageSigning.computeSignature(with(1e16, md), SECRET));
    }

    @Test
    void infinitiesAndNan() {
        Map<String, Object> md = map("inf", Double.POSITIVE_INFINITY, "ninf", Double.NEGATIVE_INFINITY,
                "nan", Double.NaN);
        assertEquals("43c9d2190c11bcef8bcf93edc4d25bb9e372fcd21b81fdf51cd644a73750a665",
                MessageSigning.computeSignature(with(null, md), SECRET));
    }

    @Test
    void booleansNoneAndInts() {
        Map<String, Object> md = map("t", true, "f", false, "n", null, "zero", 0, "neg", -7L,
                "big", Long.MAX_VALUE, "bigger", BigInteger.TWO.pow(70));
        assertEquals("2ec7e75c130f819153b1bf26c4d0f18c09158ff96e856d257b77c99c580e803b",
                MessageSigning.computeSignature(with(null, md), SECRET));
    }

    @Test
    void nestedLists() {
        Map<String, Object> md = map(
                "tags", list("a", list("b", "c"), list(), 1L, 2.5, true, false, null, 1e16),
                "empty", list(), "deep", list(list(list())));
        assertEquals("6332c4d455b6cd5dbd7e4760e2df91893c5a10330d67f69157df98d8e5ba5bbe",
                MessageSigning.computeSignature(with(null, md), SECRET));
        String tags = MessageSigning.flatten(with(null, md)).stream()
                .filter(e -> e.getKey().equals("resource_metadata:tags")).findFirst().orElseThrow().getValue();
        assertEquals("[b'a', [b'b', b'c'], [], 1, 2.5, True, False, None, 1e+16]", tags);
    }

    @Test
    void dictsInLists() {
        Map<String, Object> md = map("items", list(map("z", 1, "a", "x", "m", null),
                map("n", map("list", list("w", 3), "deep", "v")), map()));
        assertEquals("3e8e74eb2811eb6eb050ac59dc65aa1500181cf7a9e8748917638dc53220fd0a",
                MessageSigning.computeSignature(with(null, md), SECRET));
        String items = MessageSigning.flatten(with(null, md)).stream()
                .filter(e -> e.getKey().equals("resource_metadata:items")).findFirst().orElseThrow().getValue();
        assertEquals("[{b'a': b'x', b'm': None, b'z': 1}, {b'n': {b'deep': b'v', b'list': [b'w', 3]}}, {}]",
                items);
    }

    @Test
    void nonAsciiText() {
        Map<String, Object> md = map(
                "name", "caf\u00e9 na\u00efve \u2603 \uD83D\uDE00",
                "list", list("caf\u00e9", "\u2603", "\uD83D\uDE00", "it's", "q\"uote", "both ' and \"",
                        "back\\slash", "tab\tnl\nret\r", "\u007f\u0000\u001f", "~ ok"),
                "\u043a\u043b\u044e\u0447", "\u0437\u043d\u0430\u0447\u0435\u043d\u0438\u0435",
                "dl", list(map("\u00e9", "\u00e8")));
        assertEquals("94c4755ee38fe3029841e900934b37b1bd9c966ecab0fccd4ef9f274b1815d16",
                MessageSigning.computeSignature(with(null, md), SECRET));
        String l = MessageSigning.flatten(with(null, md)).stream()
                .filter(e -> e.getKey().equals("resource_metadata:list")).findFirst().orElseThrow().getValue();
        assertEquals("[b'caf\\xc3\\xa9', b'\\xe2\\x98\\x83', b'\\xf0\\x9f\\x98\\x80', b\"it's\", b'q\"uote', "
                + "b'both \\' and \"', b'back\\\\slash', b'tab\\tnl\\nret\\r', b'\\x7f\\x00\\x1f', b'~ ok']", l);
    }

    @Test
    void keysSortByCodePointNotUtf16() {
        Map<String, Object> md = map("\uff5a", 1, "\uD83D\uDE00", 2, "z", 3, "\u00e9", 4);
        assertEquals("3a1b67ff863d1863e1f141893f6ffcb79d8264bc6f903ff1e49ab7f9c7257c38",
                MessageSigning.computeSignature(with(null, md), SECRET));
    }

    @Test
    void emptyMetadataAndNumberLikeStrings() {
        assertEquals("57a77c552c0d7f3ac6a2a5fcced3b7fd565fe772de8e4749aaf41b2f0ceefee4",
                MessageSigning.computeSignature(with(null, map()), SECRET));
        assertEquals("a9c5f52afbf64b72316981b28252d30cdfdc09d572ba22dcd5ff71e35faee3ba",
                MessageSigning.computeSignature(with(null, map("s", "42", "l", list("42", 42))), SECRET));
    }

    @Test
    void emptySecretDisablesSigning() {
        assertEquals("", MessageSigning.computeSignature(base(), ""));
        assertEquals("", MessageSigning.computeSignature(base(), null));
        Map<String, Object> m = base();
        m.put("message_signature", "anything");
        assertTrue(MessageSigning.verifySignature(m, ""));
    }

    @Test
    void verifyAcceptsTheRightSignatureOnly() {
        Map<String, Object> m = base();
        m.put("message_signature", "b669af4d9cb5dd2c44b68a5cb2f3d72ced680af2324f7c5f8b78127c4c6c9875");
        assertTrue(MessageSigning.verifySignature(m, SECRET));
        assertFalse(MessageSigning.verifySignature(m, "other secret"));

        m.put("counter_volume", 43L);
        assertFalse(MessageSigning.verifySignature(m, SECRET), "a changed volume must not verify");

        Map<String, Object> unsigned = base();
        assertFalse(MessageSigning.verifySignature(unsigned, SECRET), "a missing signature must not verify");
        unsigned.put("message_signature", null);
        assertFalse(MessageSigning.verifySignature(unsigned, SECRET));
        unsigned.put("message_signature", "\u00e9");
        assertFalse(MessageSigning.verifySignature(unsigned, SECRET), "non-ASCII never verifies");
    }

    @Test
    void integerAndLongRenderAlike() {
        Map<String, Object> a = with(42, null);
        Map<String, Object> b = with(42L, null);
        assertEquals(MessageSigning.computeSignature(a, SECRET), MessageSigning.computeSignature(b, SECRET));
    }

    @Test
    void codePointComparison() {
        assertTrue(MessageSigning.compareCodePoints("\uff5a", "\uD83D\uDE00") < 0);
        assertTrue("\uff5a".compareTo("\uD83D\uDE00") > 0, "UTF-16 order differs, which is the point");
        assertTrue(MessageSigning.compareCodePoints("ab", "abc") < 0);
        assertEquals(0, MessageSigning.compareCodePoints("x", "x"));
    }
}
