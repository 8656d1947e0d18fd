package org.ceilometer.osgi.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ceilometer.osgi.simulator.TestHttp.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KeystoneTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static TestHttp.MutableClock clock;
    private static Simulator sim;

    @BeforeAll
    static void start() throws Exception {
        clock = new TestHttp.MutableClock(START);
        sim = Simulator.builder().seed(42).projects(25).images(10).tokenTtl(Duration.ofMinutes(10)).clock(clock)
                .start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void versionDocumentsNeedNoToken() throws Exception {
        Reply v3 = TestHttp.get(sim.authUrl(), null);
        assertEquals(200, v3.status());
        assertEquals("stable", v3.json().path("version").path("status").asText());
        assertEquals(sim.authUrl() + "/", v3.json().path("version").path("links").get(0).path("href").asText());
        Reply root = TestHttp.get(sim.baseUrl() + "/identity/", null);
        assertEquals(300, root.status());
        assertEquals("v3.14", root.json().path("versions").path("values").get(0).path("id").asText());
    }

    @Test
    void passwordAuthenticationGivesAProjectScopedTokenWithTheCatalog() throws Exception {
        Reply r = TestHttp.post(sim.authUrl() + "/auth/tokens", TestHttp.passwordAuth(sim));
        assertEquals(201, r.status());
        String subject = r.header("X-Subject-Token");
        assertNotNull(subject);
        JsonNode token = r.json().path("token");
        assertEquals("password", token.path("methods").get(0).asText());
        assertEquals(sim.username(), token.path("user").path("name").asText());
        assertEquals("default", token.path("user").path("domain").path("id").asText());
        assertEquals(sim.data().adminProject().id(), token.path("project").path("id").asText());
        assertEquals("Default", token.path("project").path("domain").path("name").asText());
        assertEquals("2026-01-01T00:00:00.000000Z", token.path("issued_at").asText());
        assertEquals("2026-01-01T00:10:00.000000Z", token.path("expires_at").asText());
        List<String> roles = new ArrayList<>();
        token.path("roles").forEach(role -> roles.add(role.path("name").asText()));
        assertTrue(roles.contains("admin"));

        JsonNode catalog = token.path("catalog");
        assertEquals(sim.serviceTypes().size(), catalog.size());
        Set<String> urls = new HashSet<>();
        for (JsonNode service : catalog) {
            String type = service.path("type").asText();
            assertTrue(sim.serviceTypes().contains(type), type);
            assertEquals(3, service.path("endpoints").size());
            for (JsonNode e : service.path("endpoints")) {
                assertEquals("RegionOne", e.path("region").asText());
                assertEquals("RegionOne", e.path("region_id").asText());
                // a service may add a per-project suffix (Swift's /v1/AUTH_<project>)
                String base = sim.endpoint(type, e.path("interface").asText());
                String url = e.path("url").asText();
                assertTrue(url.equals(base) || url.startsWith(base + "/"), url);
                urls.add(e.path("url").asText());
            }
        }
        assertEquals(3 * sim.serviceTypes().size(), urls.size(), "every interface of every service has its own URL");
        assertEquals(sim.baseUrl() + "/image-internal", sim.endpoint("image", "internal"));
    }

    @Test
    void keystoneAnswersAtTheRootToo() throws Exception {
        assertEquals(sim.baseUrl() + "/v3", sim.rootAuthUrl());
        Reply v3 = TestHttp.get(sim.rootAuthUrl(), null);
        assertEquals(sim.rootAuthUrl() + "/", v3.json().path("version").path("links").get(0).path("href").asText());
        Reply auth = TestHttp.post(sim.rootAuthUrl() + "/auth/tokens", TestHttp.passwordAuth(sim));
        assertEquals(201, auth.status());
        assertEquals(sim.endpoint("image", "public"), auth.json().path("token").path("catalog").get(1)
                .path("endpoints").get(0).path("url").asText());
        Reply page = TestHttp.get(sim.rootAuthUrl() + "/projects?limit=5", auth.header("X-Subject-Token"));
        assertTrue(page.json().path("links").path("next").asText().startsWith(sim.rootAuthUrl() + "/projects?"));
        assertEquals(401, TestHttp.get(sim.rootAuthUrl() + "/projects", null).status());
    }

    @Test
    void scopeByProjectIdAndByUserIdWorks() throws Exception {
        String project = sim.data().project(SimulatorData.FIRST_TENANT).id();
        String body = "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {"
                + "\"id\": \"" + sim.credentials().userId() + "\", \"password\": \"" + sim.password() + "\"}}},"
                + "\"scope\": {\"project\": {\"id\": \"" + project + "\"}}}}";
        Reply r = TestHttp.post(sim.authUrl() + "/auth/tokens", body);
        assertEquals(201, r.status());
        assertEquals(project, r.json().path("token").path("project").path("id").asText());
    }

    @Test
    void wrongCredentialsOrUnknownScopeAnswer401() throws Exception {
        String wrongPassword = TestHttp.passwordAuth(sim).replace(sim.password(), "nope");
        Reply r = TestHttp.post(sim.authUrl() + "/auth/tokens", wrongPassword);
        assertEquals(401, r.status());
        assertEquals(401, r.json().path("error").path("code").asInt());
        assertNull(r.header("X-Subject-Token"));

        String wrongDomain = TestHttp.passwordAuth(sim).replaceFirst("\"Default\"", "\"Other\"");
        assertEquals(401, TestHttp.post(sim.authUrl() + "/auth/tokens", wrongDomain).status());

        String unknownProject = TestHttp.passwordAuth(sim).replace("\"project\": {\"name\": \"admin\"",
                "\"project\": {\"name\": \"nowhere\"");
        assertTrue(unknownProject.contains("nowhere"));
        assertEquals(401, TestHttp.post(sim.authUrl() + "/auth/tokens", unknownProject).status());

        assertEquals(400, TestHttp.post(sim.authUrl() + "/auth/tokens", "{not json").status());
    }

    @Test
    void unscopedTokenHasNoCatalogAndIsRefusedByGlance() throws Exception {
        String body = "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {"
                + "\"name\": \"admin\", \"domain\": {\"id\": \"default\"}, \"password\": \"" + sim.password()
                + "\"}}}}}";
        Reply r = TestHttp.post(sim.authUrl() + "/auth/tokens", body);
        assertEquals(201, r.status());
        JsonNode token = r.json().path("token");
        assertTrue(token.path("catalog").isMissingNode());
        assertTrue(token.path("project").isMissingNode());
        Reply images = TestHttp.get(sim.endpoint("image", "public") + "/v2/images", r.header("X-Subject-Token"));
        assertEquals(403, images.status());
    }

    @Test
    void applicationCredentialsAuthenticateByIdOrByName() throws Exception {
        Credentials c = sim.credentials();
        String byId = "{\"auth\": {\"identity\": {\"methods\": [\"application_credential\"],"
                + "\"application_credential\": {\"id\": \"" + c.applicationCredentialId() + "\", \"secret\": \""
                + c.applicationCredentialSecret() + "\"}}}}";
        Reply r = TestHttp.post(sim.authUrl() + "/auth/tokens", byId);
        assertEquals(201, r.status());
        JsonNode token = r.json().path("token");
        assertEquals("application_credential", token.path("methods").get(0).asText());
        assertEquals(c.applicationCredentialId(), token.path("application_credential").path("id").asText());
        assertEquals(sim.data().adminProject().id(), token.path("project").path("id").asText());
        assertEquals(sim.serviceTypes().size(), token.path("catalog").size());

        String byName = "{\"auth\": {\"identity\": {\"methods\": [\"application_credential\"],"
                + "\"application_credential\": {\"name\": \"" + c.applicationCredentialName() + "\", \"secret\": \""
                + c.applicationCredentialSecret() + "\", \"user\": {\"id\": \"" + c.userId() + "\"}}}}}";
        assertEquals(201, TestHttp.post(sim.authUrl() + "/auth/tokens", byName).status());
        assertEquals(401, TestHttp.post(sim.authUrl() + "/auth/tokens",
                byId.replace(c.applicationCredentialSecret(), "bad")).status());
    }

    @Test
    void tokenValidationShowsTheSubjectToken() throws Exception {
        String token = TestHttp.token(sim);
        String other = TestHttp.token(sim);
        Reply r = TestHttp.get(sim.authUrl() + "/auth/tokens", token, other);
        assertEquals(200, r.status());
        assertEquals(other, r.header("X-Subject-Token"));
        assertEquals(sim.data().adminProject().id(), r.json().path("token").path("project").path("id").asText());
        assertEquals(404, TestHttp.get(sim.authUrl() + "/auth/tokens", token, "gAAAAAunknown").status());
    }

    @Test
    void requestsWithoutAValidTokenGet401WithAJsonBody() throws Exception {
        Reply none = TestHttp.get(sim.endpoint("image", "public") + "/v2/images", null);
        assertEquals(401, none.status());
        assertEquals("Unauthorized", none.json().path("error").path("title").asText());
        assertTrue(none.header("WWW-Authenticate").startsWith("Keystone uri="));
        assertEquals(401, TestHttp.get(sim.authUrl() + "/projects", "made-up").status());
    }

    @Test
    void tokensExpireAfterTheirLifetime() throws Exception {
        TestHttp.MutableClock ownClock = new TestHttp.MutableClock(START);
        try (Simulator timed = Simulator.builder().images(3).tokenTtl(Duration.ofMinutes(5)).clock(ownClock)
                .start()) {
            String token = TestHttp.token(timed);
            String images = timed.endpoint("image", "public") + "/v2/images";
            assertEquals(200, TestHttp.get(images, token).status());
            ownClock.advance(Duration.ofMinutes(4));
            assertEquals(200, TestHttp.get(images, token).status());
            ownClock.advance(Duration.ofMinutes(1));
            assertEquals(401, TestHttp.get(images, token).status());
            assertEquals(404, TestHttp.get(timed.authUrl() + "/auth/tokens", TestHttp.token(timed), token).status());
            assertEquals(200, TestHttp.get(images, TestHttp.token(timed)).status(), "a new token works");
        }
    }

    @Test
    void expireTokensFaultRejectsEveryEarlierToken() throws Exception {
        Simulator own = Simulator.builder().images(3).start();
        try {
            String token = TestHttp.token(own);
            String images = own.endpoint("image", "public") + "/v2/images";
            assertEquals(200, TestHttp.get(images, token).status());
            own.faults().expireTokens();
            assertEquals(401, TestHttp.get(images, token).status());
            assertEquals(200, TestHttp.get(images, TestHttp.token(own)).status());
        } finally {
            own.close();
        }
    }

    @Test
    void domainsAreListed() throws Exception {
        Reply r = TestHttp.get(sim.authUrl() + "/domains", TestHttp.token(sim));
        assertEquals(200, r.status());
        assertEquals(2, r.json().path("domains").size());
        assertEquals("default", r.json().path("domains").get(0).path("id").asText());
        assertTrue(r.json().path("links").path("next").isNull());
        Reply one = TestHttp.get(sim.authUrl() + "/domains?name=Simulated", TestHttp.token(sim));
        assertEquals(sim.data().domains().get(1).id(), one.json().path("domains").get(0).path("id").asText());
    }

    @Test
    void projectsArePagedByLimitAndMarkerFollowingLinksNext() throws Exception {
        String token = TestHttp.token(sim);
        List<String> seen = new ArrayList<>();
        String url = sim.authUrl() + "/projects?limit=10";
        int pages = 0;
        while (url != null) {
            Reply r = TestHttp.get(url, token);
            assertEquals(200, r.status());
            JsonNode page = r.json();
            page.path("projects").forEach(p -> seen.add(p.path("id").asText()));
            JsonNode next = page.path("links").path("next");
            url = next.isNull() ? null : next.asText();
            if (url != null) {
                assertTrue(url.startsWith(sim.authUrl() + "/projects?"), url);
                assertTrue(page.path("truncated").asBoolean());
            }
            pages++;
        }
        assertEquals(3, pages, "27 projects by 10");
        List<String> expected = sim.data().projects().stream().map(SimProject::id).toList();
        assertEquals(expected, seen);

        Reply all = TestHttp.get(sim.authUrl() + "/projects", token);
        assertEquals(27, all.json().path("projects").size());
        assertTrue(all.json().path("links").path("next").isNull());
    }

    @Test
    void projectsAreFilteredByDomainAcrossPages() throws Exception {
        String token = TestHttp.token(sim);
        String simulated = sim.data().domains().get(1).id();
        List<String> seen = new ArrayList<>();
        String url = sim.authUrl() + "/projects?domain_id=" + simulated + "&limit=2";
        while (url != null) {
            JsonNode page = TestHttp.get(url, token).json();
            for (JsonNode p : page.path("projects")) {
                assertEquals(simulated, p.path("domain_id").asText());
                seen.add(p.path("name").asText());
            }
            JsonNode next = page.path("links").path("next");
            if (!next.isNull()) {
                assertTrue(next.asText().contains("domain_id=" + simulated), next.asText());
            }
            url = next.isNull() ? null : next.asText();
        }
        assertEquals(List.of("project-00004", "project-00008", "project-00012", "project-00016", "project-00020",
                "project-00024"), seen);
    }

    @Test
    void unknownMarkerAndBadLimitAnswer400() throws Exception {
        String token = TestHttp.token(sim);
        assertEquals(400, TestHttp.get(sim.authUrl() + "/projects?marker=ffffffffffffffffffffffffffffffff",
                token).status());
        assertEquals(400, TestHttp.get(sim.authUrl() + "/projects?limit=x", token).status());
        assertFalse(TestHttp.get(sim.authUrl() + "/projects/" + sim.data().project(3).id(), token).json()
                .path("project").isMissingNode());
        assertEquals(404, TestHttp.get(sim.authUrl() + "/projects/nope", token).status());
    }
}
