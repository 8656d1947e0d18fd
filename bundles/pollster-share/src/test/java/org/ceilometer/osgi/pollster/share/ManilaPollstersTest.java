package org.ceilometer.osgi.pollster.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.ceilometer.osgi.api.Discovery;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.openstack.EndpointNotFoundException;
import org.ceilometer.osgi.testsupport.FakeOpenStackClient;
import org.ceilometer.osgi.testsupport.FakePollContext;
import org.junit.jupiter.api.Test;

/** The Manila discovery and pollsters against a hand-written client. */
class ManilaPollstersTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String ENDPOINT = "http://manila.example:8786/v2/0c2eba2c5af04d3f9e9d0d410b371fde";
    static final String LIST = ENDPOINT + "/shares/detail?all_tenants=True";

    static ManilaConfig config(String serviceType, String apiVersion, int pageSize) {
        return new ManilaConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ManilaConfig.class;
            }

            @Override
            public String service__type() {
                return serviceType;
            }

            @Override
            public String api__version() {
                return apiVersion;
            }

            @Override
            public int page__size() {
                return pageSize;
            }
        };
    }

    static ManilaConfig defaults() {
        return config("sharev2", "2.0", 0);
    }

    private static List<Sample> poll(Pollster p, FakePollContext ctx, List<Resource> resources) {
        try {
            return ctx.samples(p, resources);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static final String SHARES = "{\"shares\": ["
            + "{\"id\": \"sh-1\", \"size\": 10, \"availability_zone\": \"nova\", \"status\": \"available\","
            + " \"name\": \"data\", \"project_id\": \"p-1\", \"share_network_id\": null, \"share_proto\": \"NFS\","
            + " \"share_type\": \"default\", \"is_public\": false, \"host\": \"m1@lvm#pool\", \"user_id\": \"u-1\"},"
            + "{\"id\": \"sh-2\", \"size\": null, \"status\": \"EXTENDING\", \"project_id\": \"p-2\"},"
            + "{\"id\": \"sh-3\", \"size\": 1, \"status\": \"deferred_deleting\", \"project_id\": \"p-2\"},"
            + "{\"id\": \"sh-4\", \"size\": 2, \"status\": null, \"project_id\": \"p-2\"},"
            + "{\"name\": \"no id\"}]}";

    @Test
    void bothMetersCarryCeilometersIdsAndMetadata() {
        FakeOpenStackClient client = new FakeOpenStackClient().endpoint("sharev2", ENDPOINT).serve(LIST, SHARES);
        FakePollContext ctx = new FakePollContext(client, NOW);
        List<Resource> shares = discover(new ShareDiscovery(defaults()), ctx);
        assertEquals(List.of("sh-1", "sh-2", "sh-3", "sh-4"), shares.stream().map(Resource::id).toList());
        assertEquals(Map.of("X-OpenStack-Manila-API-Version", "2.0"), client.requests().get(0).headers());

        List<Sample> status = poll(new ShareStatusPollster(), ctx, shares);
        assertEquals(List.of(1L, 7L, -1L, -1L), status.stream().map(Sample::volume).toList(),
                "case-insensitive; unknown or no status is -1");
        Sample s = status.get(0);
        assertEquals("manila.share.status", s.name());
        assertEquals(MeterType.GAUGE, s.type());
        assertEquals("status", s.unit());
        assertEquals("u-1", s.userId());
        assertEquals("p-1", s.projectId());
        assertEquals("sh-1", s.resourceId());
        assertEquals(NOW, s.timestamp());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "data");
        m.put("availability_zone", "nova");
        m.put("share_type", "default");
        m.put("share_network_id", null);
        m.put("status", "available");
        m.put("host", "m1@lvm#pool");
        m.put("is_public", false);
        m.put("protocol", "NFS");
        assertEquals(m, s.resourceMetadata());
        assertEquals(List.copyOf(m.keySet()), List.copyOf(s.resourceMetadata().keySet()), "protocol last");
        assertNull(status.get(1).userId(), "no user_id before 2.16");
        assertEquals("EXTENDING", status.get(1).resourceMetadata().get("status"));

        List<Sample> size = poll(new ShareSizePollster(), ctx, shares);
        assertEquals(List.of(10L, 0L, 1L, 2L), size.stream().map(Sample::volume).toList(), "no size counts 0");
        assertEquals("manila.share.size", size.get(0).name());
        assertEquals("GiB", size.get(0).unit());
        assertEquals(1, client.requests().size(), "one listing for both meters");
    }

    @Test
    void everyCeilometerStatusHasItsNumber() {
        assertEquals(26, ShareStatusPollster.SHARE_STATUS.size());
        assertEquals(1L, ShareStatusPollster.statusId("available"));
        assertEquals(23L, ShareStatusPollster.statusId("creating_from_snapshot"));
        assertEquals(26L, ShareStatusPollster.statusId("Replication_Change"));
        assertEquals(-1L, ShareStatusPollster.statusId(""));
        assertEquals(-1L, ShareStatusPollster.statusId(null));
    }

    @Test
    void offsetPagesAreReadUntilAShortOneAndRepeatedSharesCountOnce() {
        FakeOpenStackClient client = new FakeOpenStackClient().endpoint("sharev2", "http://manila.example:8786/")
                .serve("http://manila.example:8786/v2/shares/detail?all_tenants=True&limit=2&offset=0",
                        "{\"shares\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"shares_links\": [{\"rel\": \"next\","
                                + " \"href\": \"http://manila.example:8786/v2/shares?limit=2&marker=b\"}]}")
                .serve("http://manila.example:8786/v2/shares/detail?all_tenants=True&limit=2&offset=2",
                        "{\"shares\": [{\"id\": \"b\"}, {\"id\": \"c\"}]}")
                .serve("http://manila.example:8786/v2/shares/detail?all_tenants=True&limit=2&offset=4",
                        "{\"shares\": [{\"id\": \"d\"}]}");
        FakePollContext ctx = new FakePollContext(client, NOW);
        List<Resource> shares = discover(new ShareDiscovery(config("sharev2", "2.16", 2)), ctx);
        assertEquals(List.of("a", "b", "c", "d"), shares.stream().map(Resource::id).toList());
        assertEquals(3, client.requests().size(), "the marker link is not followed");
        assertEquals(Map.of("X-OpenStack-Manila-API-Version", "2.16"), client.requests().get(0).headers());
    }

    @Test
    void aServerThatIgnoresOffsetCannotLoopTheListing() {
        FakeOpenStackClient client = new FakeOpenStackClient().endpoint("sharev2", ENDPOINT);
        for (int offset = 0; offset <= 10; offset += 2) {
            client.serve(LIST + "&limit=2&offset=" + offset, "{\"shares\": [{\"id\": \"a\"}, {\"id\": \"b\"}]}");
        }
        List<Resource> shares = discover(new ShareDiscovery(config("sharev2", "", 2)),
                new FakePollContext(client, NOW));
        assertEquals(2, shares.size());
        assertEquals(2, client.requests().size());
        assertEquals(Map.of(), client.requests().get(0).headers(), "an empty api_version sends no header");
    }

    @Test
    void noManilaInTheCatalogAndCancelledCyclesFailTheDiscovery() {
        FakePollContext ctx = new FakePollContext(new FakeOpenStackClient().endpoint("share", ENDPOINT), NOW);
        assertThrows(EndpointNotFoundException.class, () -> new ShareDiscovery(defaults()).discover(ctx, null));

        FakeOpenStackClient client = new FakeOpenStackClient().endpoint("sharev2", ENDPOINT).serve(LIST, SHARES);
        FakePollContext cancelled = new FakePollContext(client, NOW);
        cancelled.cancel();
        assertThrows(CancellationException.class, () -> new ShareDiscovery(defaults()).discover(cancelled, null));
        assertTrue(cancelled.cache().values().isEmpty());
        assertTrue(poll(new ShareSizePollster(), ctx, List.of(Resource.of("static"))).isEmpty());
    }

    @Test
    void theV2RootIsTakenFromTheCatalogUrl() {
        assertEquals("http://h:8786/v2/p", ManilaShares.versioned("http://h:8786/v2/p/"));
        assertEquals("http://h/share/v2", ManilaShares.versioned("http://h/share"));
        assertEquals("http://h:8786/v2", ManilaShares.versioned("http://h:8786"));
    }

    @Test
    void thePluginsAreRegisteredUnderCeilometersNames() throws Exception {
        assertEquals("manila.share.status", property(ShareStatusPollster.class, "ceilometer.meter"));
        assertEquals("manila.share.size", property(ShareSizePollster.class, "ceilometer.meter"));
        assertEquals("manila_shares", property(ShareDiscovery.class, "ceilometer.discovery"));
        assertEquals("manila_shares", new ShareStatusPollster().defaultDiscovery());
        assertEquals("manila_shares", new ShareSizePollster().defaultDiscovery());
        assertEquals(Discovery.GLOBAL_GROUP, new ShareDiscovery(defaults()).groupId());
    }

    private static String property(Class<?> component, String name) throws Exception {
        String xml = Files.readString(Path.of("target", "classes", "OSGI-INF", component.getName() + ".xml"));
        String key = "<property name=\"" + name + "\"";
        int at = xml.indexOf(key);
        if (at < 0) {
            return null;
        }
        int v = xml.indexOf("value=\"", at);
        return xml.substring(v + 7, xml.indexOf('"', v + 7));
    }

    static List<Resource> discover(Discovery d, FakePollContext ctx) {
        try {
            return d.discover(ctx, null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
