package org.ceilometer.osgi.publishers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bytes compared with Python's {@code msgpack.dumps(msg, use_bin_type=True)} (python3-msgpack 1.0.3). */
class MsgPackTest {

    static Map<String, Object> pythonVector() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", "openstack");
        m.put("counter_name", "cpu");
        m.put("counter_volume", 42L);
        m.put("big", BigInteger.TWO.pow(64).subtract(BigInteger.ONE));
        m.put("neg", List.of(-1L, -32L, -33L, -128L, -129L, -32768L, -32769L, -2147483648L, -2147483649L,
                Long.MIN_VALUE));
        m.put("pos", List.of(0, 127, 128, 255, 256, 65535, 65536, 4294967295L, 4294967296L));
        m.put("f", 0.1);
        m.put("n", null);
        m.put("t", true);
        m.put("fa", false);
        m.put("b", new byte[] {0, (byte) 0xff});
        m.put("s", "caf\u00e9");
        m.put("long", "x".repeat(40));
        m.put("l", List.of());
        m.put("m", Map.of());
        return m;
    }

    @Test
    void packsAsPythonMsgpack() {
        String python = "8fa6736f75726365a96f70656e737461636bac636f756e7465725f6e616d65a3637075ae636f756e7465725f766f6c75"
                + "6d652aa3626967cfffffffffffffffffa36e65679affe0d0dfd080d1ff7fd18000d2ffff7fffd280000000d3ffffffff"
                + "7fffffffd38000000000000000a3706f7399007fcc80ccffcd0100cdffffce00010000ceffffffffcf00000001000000"
                + "00a166cb3fb999999999999aa16ec0a174c3a26661c2a162c40200ffa173a5636166c3a9a46c6f6e67d9287878787878"
                + "7878787878787878787878787878787878787878787878787878787878787878787878a16c90a16d80";
        assertEquals(python, HexFormat.of().formatHex(MsgPack.pack(pythonVector())));
    }

    @Test
    void longerHeaders() {
        assertEquals("da012c7979", HexFormat.of().formatHex(MsgPack.pack("y".repeat(300))).substring(0, 10));
        List<Object> twenty = new ArrayList<>();
        for (long i = 0; i < 20; i++) {
            twenty.add(i);
        }
        assertEquals("dc001400", HexFormat.of().formatHex(MsgPack.pack(twenty)).substring(0, 8));
        Map<String, Object> sixteen = new LinkedHashMap<>();
        for (long i = 0; i < 16; i++) {
            sixteen.put(Long.toString(i), i);
        }
        assertEquals("de0010a1", HexFormat.of().formatHex(MsgPack.pack(sixteen)).substring(0, 8));
    }

    @Test
    void roundTripsThroughTheTestDecoder() {
        Map<String, Object> m = pythonVector();
        @SuppressWarnings("unchecked")
        Map<Object, Object> back = (Map<Object, Object>) MsgPackDecoder.decode(MsgPack.pack(m));
        assertEquals(List.copyOf(m.keySet()), List.copyOf(back.keySet()));
        assertEquals(42L, back.get("counter_volume"));
        assertEquals(0.1, back.get("f"));
        assertEquals("caf\u00e9", back.get("s"));
        assertArrayEquals(new byte[] {0, (byte) 0xff}, (byte[]) back.get("b"));
        assertEquals(m.get("big"), back.get("big"));
        assertEquals(List.of(-1L, -32L, -33L, -128L, -129L, -32768L, -32769L, -2147483648L, -2147483649L,
                Long.MIN_VALUE), back.get("neg"));
    }

    @Test
    void refusesWhatMsgpackCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> MsgPack.pack(BigInteger.TWO.pow(64)));
        assertThrows(IllegalArgumentException.class, () -> MsgPack.pack(new Object()));
    }
}
