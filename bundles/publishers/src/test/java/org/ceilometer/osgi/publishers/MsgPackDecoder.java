package org.ceilometer.osgi.publishers;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A MessagePack decoder for tests: maps, arrays, str, bin, ints (Long), floats (Double), bool, nil. */
final class MsgPackDecoder {
    private final ByteBuffer in;

    private MsgPackDecoder(byte[] data) {
        this.in = ByteBuffer.wrap(data);
    }

    static Object decode(byte[] data) {
        MsgPackDecoder d = new MsgPackDecoder(data);
        Object v = d.read();
        if (d.in.hasRemaining()) {
            throw new IllegalStateException(d.in.remaining() + " bytes left over");
        }
        return v;
    }

    private Object read() {
        int b = in.get() & 0xff;
        if (b <= 0x7f) {
            return (long) b;
        }
        if (b >= 0xe0) {
            return (long) (byte) b;
        }
        if ((b & 0xf0) == 0x80) {
            return map(b & 0x0f);
        }
        if ((b & 0xf0) == 0x90) {
            return array(b & 0x0f);
        }
        if ((b & 0xe0) == 0xa0) {
            return str(b & 0x1f);
        }
        switch (b) {
            case 0xc0: return null;
            case 0xc2: return false;
            case 0xc3: return true;
            case 0xc4: return bin(in.get() & 0xff);
            case 0xc5: return bin(in.getShort() & 0xffff);
            case 0xc6: return bin(in.getInt());
            case 0xca: return (double) in.getFloat();
            case 0xcb: return in.getDouble();
            case 0xcc: return (long) (in.get() & 0xff);
            case 0xcd: return (long) (in.getShort() & 0xffff);
            case 0xce: return in.getInt() & 0xffffffffL;
            case 0xcf: {
                long v = in.getLong();
                if (v < 0) {
                    return new java.math.BigInteger(Long.toUnsignedString(v));
                }
                return v;
            }
            case 0xd0: return (long) in.get();
            case 0xd1: return (long) in.getShort();
            case 0xd2: return (long) in.getInt();
            case 0xd3: return in.getLong();
            case 0xd9: return str(in.get() & 0xff);
            case 0xda: return str(in.getShort() & 0xffff);
            case 0xdb: return str(in.getInt());
            case 0xdc: return array(in.getShort() & 0xffff);
            case 0xdd: return array(in.getInt());
            case 0xde: return map(in.getShort() & 0xffff);
            case 0xdf: return map(in.getInt());
            default: throw new IllegalStateException("unexpected msgpack byte 0x" + Integer.toHexString(b));
        }
    }

    private Map<Object, Object> map(int n) {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Object k = read();
            m.put(k, read());
        }
        return m;
    }

    private List<Object> array(int n) {
        List<Object> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(read());
        }
        return l;
    }

    private String str(int n) {
        byte[] b = new byte[n];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private byte[] bin(int n) {
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }
}
