package org.ceilometer.osgi.api.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Python 3 renderings, each expected value as {@code python3 -c 'print(repr(x))'} prints it. */
class PythonTextTest {

    @Test
    void floatReprMatchesPython() {
        assertEquals("0.1", PythonText.floatRepr(0.1));
        assertEquals("42.0", PythonText.floatRepr(42.0));
        assertEquals("1e+16", PythonText.floatRepr(1e16));
        assertEquals("1000000000000000.0", PythonText.floatRepr(1e15));
        assertEquals("9999999999999998.0", PythonText.floatRepr(9999999999999998.0));
        assertEquals("0.0001", PythonText.floatRepr(0.0001));
        assertEquals("1e-05", PythonText.floatRepr(0.00001));
        assertEquals("2.5e-07", PythonText.floatRepr(2.5e-7));
        assertEquals("1.5e+300", PythonText.floatRepr(1.5e300));
        assertEquals("-3.75", PythonText.floatRepr(-3.75));
        assertEquals("-0.0", PythonText.floatRepr(-0.0));
        assertEquals("0.0", PythonText.floatRepr(0.0));
        assertEquals("5e-324", PythonText.floatRepr(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", PythonText.floatRepr(Double.MAX_VALUE));
        assertEquals("0.30000000000000004", PythonText.floatRepr(0.1 + 0.2));
        assertEquals("2.82879384806159e+17", PythonText.floatRepr(2.8287938480615901e17));
        assertEquals("123456789.123", PythonText.floatRepr(123456789.123));
        assertEquals("1e+22", PythonText.floatRepr(1e22));
        assertEquals("1e+23", PythonText.floatRepr(1e23));
        assertEquals("inf", PythonText.floatRepr(Double.POSITIVE_INFINITY));
        assertEquals("-inf", PythonText.floatRepr(Double.NEGATIVE_INFINITY));
        assertEquals("nan", PythonText.floatRepr(Double.NaN));
    }

    @Test
    void floatReprReadsBackAndIsNoLongerThanJava() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 5_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            String repr = PythonText.floatRepr(d);
            assertEquals(d, Double.parseDouble(repr), repr);
            String javaDigits = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros()
                    .unscaledValue().toString();
            String pyDigits = new BigDecimal(repr.replace("-", "").replace("e+", "e"))
                    .stripTrailingZeros().unscaledValue().toString();
            assertEquals(true, pyDigits.length() <= javaDigits.length(), repr + " vs " + d);
        }
    }

    @Test
    void bytesRepr() {
        assertEquals("b'abc'", PythonText.bytesRepr("abc".getBytes(StandardCharsets.UTF_8)));
        assertEquals("b\"it's\"", PythonText.bytesRepr("it's".getBytes(StandardCharsets.UTF_8)));
        assertEquals("b'both \\' and \"'", PythonText.bytesRepr("both ' and \"".getBytes(StandardCharsets.UTF_8)));
        assertEquals("b'caf\\xc3\\xa9'", PythonText.bytesRepr("caf\u00e9".getBytes(StandardCharsets.UTF_8)));
        assertEquals("b'\\t\\n\\r\\x00\\x7f\\\\'", PythonText.bytesRepr(new byte[] {9, 10, 13, 0, 127, '\\'}));
    }

    @Test
    void strRepr() {
        assertEquals("'abc'", PythonText.strRepr("abc"));
        assertEquals("\"it's\"", PythonText.strRepr("it's"));
        assertEquals("'caf\u00e9 \u2603'", PythonText.strRepr("caf\u00e9 \u2603"));
        assertEquals("'\\x00\\x7f\\x85\\xa0\\u200b'", PythonText.strRepr("\u0000\u007f\u0085\u00a0\u200b"));
        assertEquals("'\\U000e0001'", PythonText.strRepr(new String(Character.toChars(0xe0001))));
    }

    @Test
    void strAndRepr() {
        assertEquals("None", PythonText.str(null));
        assertEquals("True", PythonText.str(true));
        assertEquals("text", PythonText.str("text"));
        assertEquals("'text'", PythonText.repr("text"));
        assertEquals("42", PythonText.str(42L));
        assertEquals("1.5", PythonText.str(1.5f));
        Map<String, Object> dict = new java.util.LinkedHashMap<>();
        dict.put("a", java.util.Arrays.asList(1, null, "x"));
        dict.put("b", Map.of());
        assertEquals("{'a': [1, None, 'x'], 'b': {}}", PythonText.repr(dict));
    }
}
