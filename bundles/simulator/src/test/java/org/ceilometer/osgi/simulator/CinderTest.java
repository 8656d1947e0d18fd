package org.ceilometer.osgi.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ceilometer.osgi.simulator.cinder.CinderData;
import org.ceilometer.osgi.simulator.cinder.SimVolume;
import org.ceilometer.osgi.simulator.cinder.SimVolumeBackup;
import org.ceilometer.osgi.simulator.cinder.SimVolumePool;
import org.ceilometer.osgi.simulator.cinder.SimVolumeService;
import org.ceilometer.osgi.simulator.cinder.SimVolumeSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulated Cinder v3 API: lists, paging, microversions, pools and services. */
class CinderTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static Simulator sim;
    private static String token;
    private static String endpoint;

    @BeforeAll
    static void start() throws Exception {
        sim = Simulator.builder().seed(3).projects(6).images(20).volumes(30).volumeSnapshots(12).volumeBackups(9)
                .volumePools(7).volumeServicesDown(2).start();
        token = TestHttp.token(sim);
        endpoint = sim.endpoint("volumev3", "public") + "/v3/" + sim.data().adminProject().id();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static HttpResponse<String> get(String url, String microversion) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("X-Auth-Token", token).GET();
        if (microversion != null) {
            b.header("OpenStack-API-Version", "volume " + microversion);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        return TestHttp.MAPPER.readTree(r.body());
    }

    /** Follows {@code <key>_links} and returns every page. */
    private static List<JsonNode> pages(String url, String key, String microversion) throws Exception {
        List<JsonNode> pages = new ArrayList<>();
        String next = url;
        while (next != null) {
            JsonNode page = json(get(next, microversion));
            pages.add(page);
            next = null;
            for (JsonNode link : page.path(key + "_links")) {
                if ("next".equals(link.path("rel").asText())) {
                    next = link.path("href").asText();
                }
            }
        }
        return pages;
    }

    @Test
    void theCatalogListsCinderWithTheProjectInItsUrl() {
        assertTrue(sim.serviceTypes().contains("volumev3"));
        assertEquals(sim.baseUrl() + "/volumev3-internal", sim.endpoint("volumev3", "internal"));
    }

    @Test
    void volumesPageByLimitAndMarkerWithANextLinkOnEveryFullPage() throws Exception {
        List<JsonNode> bySeven = pages(endpoint + "/volumes/detail?all_tenants=True&limit=7", "volumes", "3.64");
        assertEquals(5, bySeven.size(), "30 by 7: four full pages and one of 2");
        List<String> ids = new ArrayList<>();
        bySeven.forEach(p -> p.path("volumes").forEach(v -> ids.add(v.path("id").asText())));
        assertEquals(sim.cinder().volumes().stream().map(SimVolume::id).toList(), ids);
        String next = bySeven.get(0).path("volumes_links").get(0).path("href").asText();
        assertEquals(endpoint + "/volumes/detail?all_tenants=True&limit=7&marker=" + ids.get(6), next);
        assertFalse(bySeven.get(4).has("volumes_links"));

        List<JsonNode> byTen = pages(endpoint + "/volumes/detail?all_tenants=1&limit=10", "volumes", "3.64");
        assertEquals(4, byTen.size(), "an exact multiple ends with an empty page, as Cinder does");
        assertEquals(0, byTen.get(3).path("volumes").size());

        List<JsonNode> whole = pages(endpoint + "/volumes/detail?all_tenants=1", "volumes", null);
        assertEquals(1, whole.size(), "1000 by default");
        assertEquals(30, whole.get(0).path("volumes").size());
    }

    @Test
    void aVolumeCarriesTheFieldsOfItsMicroversion() throws Exception {
        HttpResponse<String> r = get(endpoint + "/volumes/detail?all_tenants=True&limit=30", "3.64");
        assertEquals("volume 3.64", r.headers().firstValue("OpenStack-API-Version").orElse(null));
        JsonNode list = json(r).path("volumes");
        CinderData c = sim.cinder();
        boolean sawAttachment = false;
        boolean sawImage = false;
        for (int i = 0; i < 30; i++) {
            SimVolume e = c.volume(i);
            JsonNode v = list.get(i);
            assertEquals(e.id(), v.path("id").asText());
            assertEquals(e.size(), v.path("size").asLong());
            assertEquals(e.projectId(), v.path("os-vol-tenant-attr:tenant_id").asText());
            assertEquals(e.userId(), v.path("user_id").asText());
            assertEquals(e.volumeTypeName(), v.path("volume_type").asText());
            assertEquals(e.volumeTypeId(), v.path("volume_type_id").asText());
            assertEquals(e.status(), v.path("status").asText());
            assertEquals(e.host(), v.path("os-vol-host-attr:host").isNull() ? null
                    : v.path("os-vol-host-attr:host").asText());
            assertTrue(sim.data().projectById(e.projectId()).isPresent());
            if (e.attachment() != null) {
                sawAttachment = true;
                assertEquals("in-use", e.status());
                assertEquals(e.attachment().serverId(), v.path("attachments").get(0).path("server_id").asText());
            } else {
                assertEquals(0, v.path("attachments").size());
            }
            if (e.imageMetadata() != null) {
                sawImage = true;
                assertEquals(e.imageMetadata().get("image_id"), v.path("volume_image_metadata").path("image_id").asText());
                assertTrue(sim.data().imageById(e.imageMetadata().get("image_id")).isPresent());
            } else {
                assertFalse(v.has("volume_image_metadata"));
            }
        }
        assertTrue(sawAttachment && sawImage);

        JsonNode old = json(get(endpoint + "/volumes/detail?all_tenants=True&limit=1", null)).path("volumes").get(0);
        assertFalse(old.has("volume_type_id"), "3.0 without the header");
        JsonNode snap = json(get(endpoint + "/snapshots/detail?all_tenants=True&limit=1", "3.40")).path("snapshots")
                .get(0);
        assertFalse(snap.has("user_id"), "snapshots carry user_id from 3.41");
        snap = json(get(endpoint + "/snapshots/detail?all_tenants=True&limit=1", "3.41")).path("snapshots").get(0);
        assertEquals(c.snapshot(0).userId(), snap.path("user_id").asText());
    }

    @Test
    void snapshotsAndBackupsBelongToTheirVolumesProjects() throws Exception {
        CinderData c = sim.cinder();
        JsonNode snaps = json(get(endpoint + "/snapshots/detail?all_tenants=True", "3.64")).path("snapshots");
        assertEquals(12, snaps.size());
        for (int i = 0; i < snaps.size(); i++) {
            SimVolumeSnapshot e = c.snapshot(i);
            JsonNode s = snaps.get(i);
            assertEquals(e.id(), s.path("id").asText());
            assertEquals(e.size(), s.path("size").asLong());
            assertEquals(e.projectId(), s.path("os-extended-snapshot-attributes:project_id").asText());
            assertEquals(e.progress(), s.path("os-extended-snapshot-attributes:progress").asText());
            assertEquals(c.volumeById(e.volumeId()).orElseThrow().projectId(), e.projectId());
        }
        List<JsonNode> backups = pages(endpoint + "/backups/detail?all_tenants=True&limit=4", "backups", "3.64");
        assertEquals(3, backups.size());
        List<String> ids = new ArrayList<>();
        backups.forEach(p -> p.path("backups").forEach(b -> ids.add(b.path("id").asText())));
        assertEquals(c.backups().stream().map(SimVolumeBackup::id).toList(), ids);
        JsonNode b = backups.get(0).path("backups").get(0);
        assertEquals(c.backup(0).projectId(), b.path("os-backup-project-attr:project_id").asText());
        assertEquals(c.backup(0).userId(), b.path("user_id").asText());
        JsonNode b317 = json(get(endpoint + "/backups/detail?all_tenants=True&limit=1", "3.17")).path("backups").get(0);
        assertFalse(b317.has("os-backup-project-attr:project_id"));
        assertFalse(b317.has("user_id"));
    }

    @Test
    void withoutAllTenantsOnlyTheTokensProjectIsListed() throws Exception {
        assertEquals(0, json(get(endpoint + "/volumes/detail", "3.64")).path("volumes").size(),
                "the admin project owns no volume");
        assertEquals(0, json(get(endpoint + "/volumes/detail?all_tenants=0", "3.64")).path("volumes").size());
        String project = sim.cinder().volume(0).projectId();
        JsonNode only = json(get(endpoint + "/volumes/detail?all_tenants=1&project_id=" + project, "3.64"));
        long expected = sim.cinder().volumes().stream().filter(v -> v.projectId().equals(project)).count();
        assertEquals(expected, only.path("volumes").size());
    }

    @Test
    void badRequestsAnswerAsCinderDoes() throws Exception {
        assertEquals(406, get(endpoint + "/volumes/detail", "3.99").statusCode());
        assertEquals(400, get(endpoint + "/volumes/detail", "three").statusCode());
        assertEquals(400, get(endpoint + "/volumes/detail?all_tenants=maybe", null).statusCode());
        assertEquals(400, get(endpoint + "/volumes/detail?limit=-1", null).statusCode());
        HttpResponse<String> unknown = get(endpoint + "/volumes/detail?marker=nope", null);
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("itemNotFound"), unknown.body());
        String otherProject = sim.endpoint("volumev3", "public") + "/v3/" + sim.data().project(2).id();
        assertEquals(400, get(otherProject + "/volumes/detail", null).statusCode());
        String noProject = sim.endpoint("volumev3", "public") + "/v3";
        assertEquals(30, json(get(noProject + "/volumes/detail?all_tenants=1", "3.67")).path("volumes").size());
        assertEquals("volume 3.71",
                get(endpoint + "/volumes?all_tenants=1", "latest").headers().firstValue("OpenStack-API-Version")
                        .orElse(null));
    }

    @Test
    void poolsAndServicesReportTheSeededBackEnds() throws Exception {
        JsonNode pools = json(get(endpoint + "/scheduler-stats/get_pools?detail=True", "3.64")).path("pools");
        List<SimVolumePool> expected = sim.cinder().pools();
        assertEquals(7, pools.size());
        for (int i = 0; i < pools.size(); i++) {
            SimVolumePool e = expected.get(i);
            JsonNode cap = pools.get(i).path("capabilities");
            assertEquals(e.name(), pools.get(i).path("name").asText());
            assertEquals(e.poolName(), cap.path("pool_name").asText());
            if (e.totalCapacityGb() instanceof String) {
                assertEquals("unknown", cap.path("total_capacity_gb").asText());
            } else {
                assertEquals(((Number) e.totalCapacityGb()).doubleValue(), cap.path("total_capacity_gb").asDouble());
            }
            assertEquals(e.thinProvisioningSupport(), cap.path("thin_provisioning_support").asBoolean());
        }
        assertTrue(pools.get(0).path("capabilities").path("total_capacity_gb").isDouble(), "LVM reports floats");
        assertTrue(pools.get(1).path("capabilities").path("total_capacity_gb").isIntegralNumber(), "Ceph whole GiB");
        assertEquals("unknown", pools.get(5).path("capabilities").path("free_capacity_gb").asText());
        JsonNode names = json(get(endpoint + "/scheduler-stats/get_pools", null)).path("pools");
        assertFalse(names.get(0).has("capabilities"));

        JsonNode services = json(get(endpoint + "/os-services", "3.64")).path("services");
        List<SimVolumeService> es = sim.cinder().services();
        assertEquals(9, services.size(), "scheduler, backup and one cinder-volume per pool");
        int down = 0;
        for (int i = 0; i < services.size(); i++) {
            JsonNode s = services.get(i);
            assertEquals(es.get(i).binary(), s.path("binary").asText());
            assertEquals(es.get(i).host(), s.path("host").asText());
            assertEquals(es.get(i).state(), s.path("state").asText());
            down += "down".equals(s.path("state").asText()) ? 1 : 0;
        }
        assertEquals(2, down);
        assertEquals("cinder-volume", services.get(2).path("binary").asText());
        assertEquals(expected.get(0).backendHost(), services.get(2).path("host").asText());
        assertNull(services.get(0).get("backend_state"));
        assertEquals("up", services.get(2).path("backend_state").asText());
    }
}
