package org.ceilometer.osgi.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A small JDK HTTP client for the simulator's tests, and a clock the tests move by hand. */
final class TestHttp {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private TestHttp() {}

    /** A response read whole, with its JSON parsed when it parses. */
    record Reply(int status, HttpResponse<String> raw) {
        JsonNode json() throws IOException {
            return MAPPER.readTree(raw.body());
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    static Reply get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
        if (token != null) {
            b.header("X-Auth-Token", token);
        }
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r);
    }

    static Reply get(String url, String token, String subjectToken) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("X-Auth-Token", token).header("X-Subject-Token", subjectToken).GET().build();
        HttpResponse<String> resp = CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
        return new Reply(resp.statusCode(), resp);
    }

    static Reply post(String url, String json) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> resp = CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
        return new Reply(resp.statusCode(), resp);
    }

    /** The password request for the simulator's admin, scoped to the admin project by name. */
    static String passwordAuth(Simulator sim) {
        return "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {"
                + "\"name\": \"" + sim.username() + "\", \"domain\": {\"name\": \"" + sim.userDomainName() + "\"},"
                + "\"password\": \"" + sim.password() + "\"}}},"
                + "\"scope\": {\"project\": {\"name\": \"" + sim.projectName() + "\", \"domain\": {\"name\": \""
                + sim.projectDomainName() + "\"}}}}}";
    }

    /** A project-scoped token of the admin. */
    static String token(Simulator sim) throws IOException, InterruptedException {
        Reply r = post(sim.authUrl() + "/auth/tokens", passwordAuth(sim));
        if (r.status() != 201) {
            throw new IllegalStateException("authentication failed: " + r.status() + " " + r.raw().body());
        }
        return r.header("X-Subject-Token");
    }

    /** A clock that moves only when told. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
