package org.ceilometer.osgi.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ceilometer.osgi.simulator.TestHttp.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {
    private Simulator sim;
    private String token;
    private String images;

    @BeforeEach
    void start() throws Exception {
        sim = Simulator.builder().seed(3).projects(2).images(30).start();
        token = TestHttp.token(sim);
        images = sim.endpoint("image", "public") + "/v2/images";
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void failNextAnswersTheStatusNTimesThenRecovers() throws Exception {
        sim.faults().failNext("/image", 2);
        Reply first = TestHttp.get(images, token);
        assertEquals(500, first.status());
        assertEquals(500, first.json().path("error").path("code").asInt());
        assertEquals(500, TestHttp.get(images, token).status());
        assertEquals(200, TestHttp.get(images, token).status());
        assertTrue(sim.faults().isEmpty(), "a used-up rule leaves");

        sim.faults().failNext("/image", 1, 503);
        assertEquals(503, TestHttp.get(images, token).status());
    }

    @Test
    void faultsOnlyHitTheirPrefix() throws Exception {
        sim.faults().failNext("/image-internal", 1);
        assertEquals(200, TestHttp.get(images, token).status());
        assertEquals(201, TestHttp.post(sim.authUrl() + "/auth/tokens", TestHttp.passwordAuth(sim)).status());
        assertEquals(500, TestHttp.get(sim.endpoint("image", "internal") + "/v2/images", token).status());
    }

    @Test
    void aPrefixWithAQueryHitsOnlyMatchingQueries() throws Exception {
        sim.faults().failNext("/image/v2/images?limit=10&marker=", 1);
        Reply first = TestHttp.get(images + "?limit=10", token);
        assertEquals(200, first.status());
        String next = sim.endpoint("image", "public") + first.json().path("next").asText();
        assertEquals(500, TestHttp.get(next, token).status());
        assertEquals(200, TestHttp.get(next, token).status());
    }

    @Test
    void keystoneCanFailToo() throws Exception {
        sim.faults().failNext("/identity/v3/auth", 1, 503);
        assertEquals(503, TestHttp.post(sim.authUrl() + "/auth/tokens", TestHttp.passwordAuth(sim)).status());
        assertEquals(201, TestHttp.post(sim.authUrl() + "/auth/tokens", TestHttp.passwordAuth(sim)).status());
    }

    @Test
    void ratioOneFailsEveryRequestAndRatioZeroNone() throws Exception {
        sim.faults().failRatio("/image", 1.0);
        for (int i = 0; i < 3; i++) {
            assertEquals(500, TestHttp.get(images, token).status());
        }
        sim.faults().clear("/image");
        sim.faults().failRatio("/image", 0.0);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, TestHttp.get(images, token).status());
        }
    }

    @Test
    void ratioHalfFailsSomeAndIsRepeatableForASeed() throws Exception {
        List<Integer> first = statuses(sim, 40);
        long failed = first.stream().filter(s -> s == 500).count();
        assertTrue(failed > 5 && failed < 35, "about half of 40 failed: " + failed);
        try (Simulator again = Simulator.builder().seed(3).projects(2).images(30).start()) {
            assertEquals(first, statuses(again, 40), "the same seed draws the same failures");
        }
    }

    private static List<Integer> statuses(Simulator s, int n) throws Exception {
        String t = TestHttp.token(s);
        s.faults().failRatio("/image", 0.5);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(TestHttp.get(s.endpoint("image", "public") + "/v2/images?limit=1", t).status());
        }
        s.faults().clear();
        return out;
    }

    @Test
    void malformedBodyIsCutJson() throws Exception {
        sim.faults().malformedNext("/image", 1);
        Reply r = TestHttp.get(images, token);
        assertEquals(200, r.status());
        assertTrue(r.raw().body().startsWith("{\"images\":["), r.raw().body());
        assertThrows(JsonProcessingException.class, r::json);
        assertEquals(25, TestHttp.get(images, token).json().path("images").size());
    }

    @Test
    void dropClosesTheConnectionWithoutAnyResponse() throws Exception {
        sim.faults().dropNext("/image", 1);
        try (Socket s = new Socket("127.0.0.1", sim.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /image/v2/images HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: " + token
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            int first;
            try {
                first = in.read();
            } catch (SocketException reset) {
                first = -1; // closed at once: a reset instead of an orderly end of stream
            }
            assertEquals(-1, first, "no byte of response before the close");
        }
        assertEquals(200, TestHttp.get(images, token).status());
    }

    @Test
    void latencyDelaysMatchingRequests() throws Exception {
        sim.faults().latency("/image", Duration.ofMillis(300));
        long t0 = System.nanoTime();
        assertEquals(200, TestHttp.get(images, token).status());
        long slow = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(slow >= 300, "took " + slow + " ms");
        sim.faults().clear();
        assertEquals(200, TestHttp.get(images, token).status());
        assertTrue(sim.faults().isEmpty());
    }

    @Test
    void requestsAreCountedByPathPrefix() throws Exception {
        sim.resetRequestCounts();
        sim.faults().failNext("/image", 1);
        TestHttp.get(images, token);
        TestHttp.get(images + "?limit=3", token);
        TestHttp.get(sim.authUrl(), null);
        assertEquals(2, sim.requestCount("/image/v2/images"), "faulted requests count too");
        assertEquals(1, sim.requestCount("/identity"));
        assertEquals(3, sim.requestCount("/"));
        assertTrue(sim.recentRequests().contains("GET /image/v2/images?limit=3"), sim.recentRequests().toString());
    }

    @Test
    void connectionsAreBoundedSoRequestsBeyondTheBoundWait() throws Exception {
        try (Simulator one = Simulator.builder().images(1).maxConnections(1).start()) {
            String t = TestHttp.token(one);
            one.faults().latency("/image", Duration.ofMillis(250));
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                long t0 = System.nanoTime();
                List<Future<Integer>> replies = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    replies.add(pool.submit(() -> rawGet(one.port(), "/image/v2/images", t)));
                }
                for (Future<Integer> f : replies) {
                    assertEquals(200, f.get());
                }
                long millis = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(millis >= 750, "three connections served one after the other: " + millis + " ms");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** One request on its own connection, closed after the response. */
    private static int rawGet(int port, String path, String token) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "X-Auth-Token: " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] all = s.getInputStream().readAllBytes();
            String head = new String(all, 0, Math.min(all.length, 12), StandardCharsets.US_ASCII);
            return Integer.parseInt(head.substring(9, 12));
        }
    }
}
