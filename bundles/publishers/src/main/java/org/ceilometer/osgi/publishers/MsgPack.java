package org.ceilometer.osgi.publishers;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * A MessagePack encoder for what a meter message holds, byte for byte as Python's
 * {@code msgpack.dumps(msg, use_bin_type=True)} packs it: None, bools, ints in their smallest form,
 * floats as float64, str as UTF-8 str (str8 included), bytes as bin, dicts in their order, lists.
 *
 * <p>Written here because msgpack-core's bundle imports {@code android.os}, which no OSGi framework on
 * a JVM provides.
 */
final class MsgPack {
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private MsgPack() {}

    /**
     * @throws IllegalArgumentException for a value msgpack cannot carry (an int beyond 64 bits, an
     *     unknown type)
     */
    static byte[] pack(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        write(out, value);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, Object v) {
        if (v == null) {
            out.write(0xc0);
        } else if (v instanceof Boolean) {
            out.write((Boolean) v ? 0xc3 : 0xc2);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            writeInt(out, ((Number) v).longValue());
        } else if (v instanceof BigInteger) {
            BigInteger b = (BigInteger) v;
            if (b.bitLength() < 64) {
                writeInt(out, b.longValue());
            } else if (b.signum() > 0 && b.compareTo(UINT64_MAX) <= 0) {
                out.write(0xcf);
                writeBytes(out, b.longValue(), 8);
            } else {
                throw new IllegalArgumentException("integer out of msgpack's range: " + b);
            }
        } else if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            out.write(0xcb);
            writeBytes(out, Double.doubleToLongBits(((Number) v).doubleValue()), 8);
        } else if (v instanceof CharSequence || v instanceof Character) {
            byte[] b = v.toString().getBytes(StandardCharsets.UTF_8);
            header(out, b.length, 0xa0, 31, 0xd9, 0xda, 0xdb);
            out.write(b, 0, b.length);
        } else if (v instanceof byte[]) {
            byte[] b = (byte[]) v;
            header(out, b.length, -1, -1, 0xc4, 0xc5, 0xc6);
            out.write(b, 0, b.length);
        } else if (v instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) v;
            header(out, m.size(), 0x80, 15, -1, 0xde, 0xdf);
            for (Map.Entry<?, ?> e : m.entrySet()) {
                write(out, e.getKey());
                write(out, e.getValue());
            }
        } else if (v instanceof Collection || v instanceof Object[]) {
            Collection<?> c = v instanceof Collection ? (Collection<?>) v : Arrays.asList((Object[]) v);
            header(out, c.size(), 0x90, 15, -1, 0xdc, 0xdd);
            for (Object item : c) {
                write(out, item);
            }
        } else {
            throw new IllegalArgumentException("msgpack cannot carry a " + v.getClass().getName());
        }
    }

    private static void writeInt(ByteArrayOutputStream out, long n) {
        if (n >= 0) {
            if (n <= 0x7f) {
                out.write((int) n);
            } else if (n <= 0xff) {
                out.write(0xcc);
                writeBytes(out, n, 1);
            } else if (n <= 0xffff) {
                out.write(0xcd);
                writeBytes(out, n, 2);
            } else if (n <= 0xffffffffL) {
                out.write(0xce);
                writeBytes(out, n, 4);
            } else {
                out.write(0xcf);
                writeBytes(out, n, 8);
            }
        } else if (n >= -32) {
            out.write((int) (n & 0xff));
        } else if (n >= Byte.MIN_VALUE) {
            out.write(0xd0);
            writeBytes(out, n, 1);
        } else if (n >= Short.MIN_VALUE) {
            out.write(0xd1);
            writeBytes(out, n, 2);
        } else if (n >= Integer.MIN_VALUE) {
            out.write(0xd2);
            writeBytes(out, n, 4);
        } else {
            out.write(0xd3);
            writeBytes(out, n, 8);
        }
    }

    /** A length header: fix form when {@code n <= fixMax}, else 8-, 16- or 32-bit (-1: no such form). */
    private static void header(ByteArrayOutputStream out, int n, int fix, int fixMax, int b8, int b16, int b32) {
        if (fix >= 0 && n <= fixMax) {
            out.write(fix | n);
        } else if (b8 >= 0 && n <= 0xff) {
            out.write(b8);
            writeBytes(out, n, 1);
        } else if (n <= 0xffff) {
            out.write(b16);
            writeBytes(out, n, 2);
        } else {
            out.write(b32);
            writeBytes(out, n, 4);
        }
    }

    private static void writeBytes(ByteArrayOutputStream out, long v, int count) {
        for (int i = count - 1; i >= 0; i--) {
            out.write((int) (v >>> (8 * i)) & 0xff);
        }
    }
}
