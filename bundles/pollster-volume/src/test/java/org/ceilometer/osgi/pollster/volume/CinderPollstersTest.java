package org.ceilometer.osgi.pollster.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ceilometer.osgi.api.Discovery;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.openstack.EndpointNotFoundException;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.testsupport.FakeOpenStackClient;
import org.ceilometer.osgi.testsupport.FakePollContext;
import org.junit.jupiter.api.Test;

/** The Cinder discoveries and pollsters against a hand-written client: values, metadata, edge cases. */
class CinderPollstersTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String ENDPOINT = "http://cinder.example:8776/v3/0c2eba2c5af04d3f9e9d0d410b371fde";

    static CinderConfig config(String serviceType, String apiVersion, int pageSize) {
        return new CinderConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CinderConfig.class;
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

    static CinderConfig defaults() {
        return config("volumev3", "3.64", 0);
    }

    private static List<Sample> poll(Pollster p, FakePollContext ctx, List<Resource> resources) throws Exception {
        List<Sample> out = new ArrayList<>();
        p.getSamples(ctx, resources, out::add);
        return out;
    }

    private static final String VOLUMES = "[{"
            + "\"id\": \"v-1\", \"status\": \"in-use\", \"size\": 10, \"availability_zone\": \"nova\","
            + "\"name\": \"data\", \"volume_type\": \"lvmdriver-1\", \"volume_type_id\": \"t-1\","
            + "\"snapshot_id\": null, \"source_volid\": \"v-0\", \"user_id\": \"u-1\","
            + "\"attachments\": [{\"id\": \"v-1\", \"attachment_id\": \"a-1\", \"volume_id\": \"v-1\","
            + "  \"server_id\": \"s-1\", \"host_name\": \"compute-1\", \"device\": \"/dev/vdb\","
            + "  \"attached_at\": \"2026-01-01T00:00:00.000000\"}],"
            + "\"migration_status\": null, \"os-vol-tenant-attr:tenant_id\": \"p-1\","
            + "\"os-vol-host-attr:host\": \"storage-01@lvmdriver-1#lvmdriver-1\","
            + "\"volume_image_metadata\": {\"image_id\": \"i-1\", \"image_name\": \"cirros\"}"
            + "}, {"
            + "\"id\": \"v-2\", \"status\": \"available\", \"size\": 1, \"name\": null, \"attachments\": [],"
            + "\"user_id\": \"u-2\", \"os-vol-tenant-attr:tenant_id\": \"p-2\", \"volume_image_metadata\": {}"
            + "}, {"
            + "\"id\": \"v-3\", \"status\": \"creating\", \"size\": null, \"attachments\": [],"
            + "\"os-vol-tenant-attr:tenant_id\": \"p-2\""
            + "}, {\"name\": \"no id\"}]";

    @Test
    void volumeSizeCarriesCeilometersIdsAndMetadata() throws Exception {
        FakeOpenStackClient client = new FakeOpenStackClient().endpoint("volumev3", ENDPOINT)
                .serve(ENDPOINT + "/volumes/detail?all_tenants=True", VOLUMES);
        FakePollContext ctx = new FakePollContext(client, NOW);
        List<Resource> resources = new VolumeDiscovery(defaults()).discover(ctx, null);
        assertEquals(List.of("v-1", "v-2", "v-3"), resources.stream().map(Resource::id).toList(),
                "an item without id is left out");
        assertEquals(Map.of("OpenStack-API-Version", "volume 3.64"), client.requests().get(0).headers());

        List<Sample> samples = poll(new VolumeSizePollster(), ctx, resources);
        assertEquals(2, samples.size(), "a volume without size gives no sample");
        Sample s = samples.get(0);
        assertEquals("volume.size", s.name());
        assertEquals(MeterType.GAUGE, s.type());
        assertEquals("GiB", s.unit());
        assertEquals(10L, s.volume());
        assertEquals("u-1", s.userId());
        assertEquals("p-1", s.projectId());
        assertEquals("v-1", s.resourceId());
        assertEquals(NOW, s.timestamp());
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("id", "v-1");
        attachment.put("attachment_id", "a-1");
        attachment.put("volume_id", "v-1");
        attachment.put("server_id", "s-1");
        attachment.put("host_name", "compute-1");
        attachment.put("device", "/dev/vdb");
        attachment.put("attached_at", "2026-01-01T00:00:00.000000");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("name", "data");
        expected.put("status", "in-use");
        expected.put("volume_type", "lvmdriver-1");
        expected.put("volume_type_id", "t-1");
        expected.put("availability_zone", "nova");
        expected.put("os-vol-host-attr:host", "storage-01@lvmdriver-1#lvmdriver-1");
        expected.put("migration_status", null);
        expected.put("attachments", List.of(attachment));
        expected.put("snapshot_id", null);
        expected.put("source_volid", "v-0");
        expected.put("image_id", "i-1");
        expected.put("instance_id", "s-1");
        assertEquals(expected, s.resourceMetadata());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(s.resourceMetadata().keySet()), "key order");

        Map<String, Object> second = samples.get(1).resourceMetadata();
        assertNull(second.get("image_id"), "an empty volume_image_metadata gives no image");
        assertNull(second.get("instance_id"));
        assertNull(second.get("volume_type_id"));
        assertTrue(second.containsKey("volume_type_id"), "a field Cinder leaves out is a null value, its key stays");
        assertEquals(1L, samples.get(1).volume());
    }

    @Test
    void snapshotAndBackupSizesReadTheirProjectAttributes() throws Exception {
        FakeOpenStackClient client = new FakeOpenStackClient().endpoint("volumev3", ENDPOINT)
                .serve(ENDPOINT + "/snapshots/detail?all_tenants=True", "[{\"id\": \"s-1\", \"size\": 5,"
                        + "\"name\": \"snap\", \"volume_id\": \"v-1\", \"status\": \"available\", \"description\": null,"
                        + "\"metadata\": {\"k\": \"v\"}, \"user_id\": \"u-1\","
                        + "\"os-extended-snapshot-attributes:project_id\": \"p-1\","
                        + "\"os-extended-snapshot-attributes:progress\": \"100%\"}]")
                .serve(ENDPOINT + "/backups/detail?all_tenants=True", "[{\"id\": \"b-1\", \"size\": 20,"
                        + "\"name\": \"nightly\", \"is_incremental\": true, \"object_count\": 40,"
                        + "\"container\": \"volumebackups\", \"volume_id\": \"v-1\", \"status\": \"available\","
                        + "\"description\": \"d\", \"user_id\": \"u-2\", \"os-backup-project-attr:project_id\": \"p-2\"},"
                        + "{\"id\": \"b-2\", \"size\": 3, \"status\": \"creating\"}]");
        FakePollContext ctx = new FakePollContext(client, NOW);
        Sample snap = poll(new VolumeSnapshotSizePollster(), ctx,
                new VolumeSnapshotDiscovery(defaults()).discover(ctx, null)).get(0);
        assertEquals("volume.snapshot.size", snap.name());
        assertEquals("GiB", snap.unit());
        assertEquals(5L, snap.volume());
        assertEquals("u-1", snap.userId());
        assertEquals("p-1", snap.projectId());
        assertEquals("s-1", snap.resourceId());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "snap");
        m.put("volume_id", "v-1");
        m.put("status", "available");
        m.put("description", null);
        m.put("metadata", Map.of("k", "v"));
        m.put("os-extended-snapshot-attributes:progress", "100%");
        assertEquals(m, snap.resourceMetadata());

        List<Sample> backups = poll(new VolumeBackupSizePollster(), ctx,
                new VolumeBackupDiscovery(defaults()).discover(ctx, null));
        Sample b = backups.get(0);
        assertEquals("volume.backup.size", b.name());
        assertEquals(20L, b.volume());
        assertEquals("u-2", b.userId());
        assertEquals("p-2", b.projectId());
        Map<String, Object> bm = new LinkedHashMap<>();
        bm.put("name", "nightly");
        bm.put("is_incremental", true);
        bm.put("object_count", 40L);
        bm.put("container", "volumebackups");
        bm.put("volume_id", "v-1");
        bm.put("status", "available");
        bm.put("description", "d");
        assertEquals(bm, b.resourceMetadata());
        assertNull(backups.get(1).projectId(), "before 3.18 Cinder gives no project, Ceilometer's default is None");
        assertNull(backups.get(1).userId());
    }

    private static final String POOLS = "["
            + "{\"name\": \"a@lvm#lvm\", \"capabilities\": {\"pool_name\": \"lvm\", \"total_capacity_gb\": 28.5,"
            + "  \"free_capacity_gb\": 28.39, \"reserved_percentage\": 5, \"provisioned_capacity_gb\": 1.0,"
            + "  \"max_over_subscription_ratio\": \"20.0\", \"thin_provisioning_support\": true,"
            + "  \"allocated_capacity_gb\": 1}},"
            + "{\"name\": \"b@ceph#ceph\", \"capabilities\": {\"pool_name\": \"ceph\", \"total_capacity_gb\": 1000,"
            + "  \"free_capacity_gb\": 600, \"reserved_percentage\": 0, \"provisioned_capacity_gb\": 450,"
            + "  \"max_over_subscription_ratio\": 1.5, \"thin_provisioning_support\": true,"
            + "  \"allocated_capacity_gb\": 400}},"
            + "{\"name\": \"c@nfs#share\", \"capabilities\": {\"total_capacity_gb\": 512,"
            + "  \"free_capacity_gb\": 300.25, \"reserved_percentage\": 10, \"provisioned_capacity_gb\": 100.5,"
            + "  \"max_over_subscription_ratio\": \"20.0\", \"thin_provisioning_support\": false,"
            + "  \"allocated_capacity_gb\": 100}},"
            + "{\"name\": \"d@x#y\", \"capabilities\": {\"pool_name\": \"y\", \"total_capacity_gb\": \"unknown\","
            + "  \"free_capacity_gb\": \"infinite\", \"provisioned_capacity_gb\": 0, \"allocated_capacity_gb\": 0}},"
            + "{\"name\": \"e@x#z\", \"capabilities\": {\"pool_name\": \"z\", \"total_capacity_gb\": 10240.37,"
            + "  \"free_capacity_gb\": 9000, \"reserved_percentage\": 3, \"provisioned_capacity_gb\": 1234.56,"
            + "  \"max_over_subscription_ratio\": \"7.3\", \"thin_provisioning_support\": true}}"
            + "]";

    private static Map<String, Number> values(Pollster p, FakePollContext ctx, List<Resource> pools) throws Exception {
        Map<String, Number> out = new LinkedHashMap<>();
        for (Sample s : poll(p, ctx, pools)) {
            assertEquals("GiB", s.unit());
            assertNull(s.userId());
            assertNull(s.projectId());
            out.put(s.resourceId(), s.volume());
        }
        return out;
    }

    @Test
    void poolCapacitiesKeepTheirJsonTypesAndVirtualFreeIsCeilometersArithmetic() throws Exception {
        FakeOpenStackClient client = new FakeOpenStackClient().endpoint("volumev3", ENDPOINT)
                .serve(ENDPOINT + "/scheduler-stats/get_pools?detail=True", POOLS);
        FakePollContext ctx = new FakePollContext(client, NOW);
        List<Resource> pools = new VolumePoolDiscovery(config("volumev3", "3.64", 5)).discover(ctx, null);
        assertEquals(ENDPOINT + "/scheduler-stats/get_pools?detail=True", client.paginated().get(0),
                "the pool list is not paged");

        assertEquals(Map.of("a@lvm#lvm", 28.5, "b@ceph#ceph", 1000L, "c@nfs#share", 512L, "e@x#z", 10240.37),
                values(new PoolCapacityTotalPollster(), ctx, pools), "'unknown' gives no sample");
        assertEquals(Map.of("a@lvm#lvm", 28.39, "b@ceph#ceph", 600L, "c@nfs#share", 300.25, "e@x#z", 9000L),
                values(new PoolCapacityFreePollster(), ctx, pools));
        assertEquals(Map.of("a@lvm#lvm", 1L, "b@ceph#ceph", 400L, "c@nfs#share", 100L, "d@x#y", 0L),
                values(new PoolCapacityAllocatedPollster(), ctx, pools), "a pool without the value gives none");
        assertEquals(Map.of("a@lvm#lvm", 1.0, "b@ceph#ceph", 450L, "c@nfs#share", 100.5, "e@x#z", 1234.56),
                values(new PoolCapacityProvisionedPollster(), ctx, pools), "0 provisioned gives no sample");
        // expected values computed with Ceilometer's expression in Python 3
        assertEquals(Map.of("a@lvm#lvm", 549.0, "b@ceph#ceph", 1050.0, "c@nfs#share", 360.5,
                "e@x#z", 71279.04100000001), values(new PoolCapacityVirtualFreePollster(), ctx, pools));

        List<Sample> total = poll(new PoolCapacityTotalPollster(), ctx, pools);
        assertEquals(Map.of("pool_name", "lvm"), total.get(0).resourceMetadata());
        assertTrue(total.get(2).resourceMetadata().containsKey("pool_name"));
        assertNull(total.get(2).resourceMetadata().get("pool_name"));
        assertEquals(1, client.paginated().size(), "one listing for the cycle");
    }

    @Test
    void aPoolCeilometerCannotComputeFailsTheRunAfterTheOthers() throws Exception {
        FakeOpenStackClient client = new FakeOpenStackClient().endpoint("volumev3", ENDPOINT)
                .serve(ENDPOINT + "/scheduler-stats/get_pools?detail=True", "["
                        + "{\"name\": \"p1\", \"capabilities\": {\"total_capacity_gb\": \"unknown\","
                        + "  \"provisioned_capacity_gb\": 10, \"thin_provisioning_support\": true,"
                        + "  \"max_over_subscription_ratio\": \"2.0\"}},"
                        + "{\"name\": \"p2\", \"capabilities\": {\"total_capacity_gb\": 100,"
                        + "  \"provisioned_capacity_gb\": 10, \"thin_provisioning_support\": true,"
                        + "  \"max_over_subscription_ratio\": \"2.0\"}},"
                        + "{\"name\": \"p3\", \"capabilities\": {\"total_capacity_gb\": 100,"
                        + "  \"provisioned_capacity_gb\": 10, \"thin_provisioning_support\": true,"
                        + "  \"max_over_subscription_ratio\": \"auto\"}}]");
        FakePollContext ctx = new FakePollContext(client, NOW);
        List<Resource> pools = new VolumePoolDiscovery(defaults()).discover(ctx, null);
        List<Sample> samples = new ArrayList<>();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new PoolCapacityVirtualFreePollster().getSamples(ctx, pools, samples::add));
        assertEquals(1, samples.size());
        assertEquals("p2", samples.get(0).resourceId());
        assertEquals(190.0, samples.get(0).volume(), "2.0 * (100 - 0) - 10; no reserved_percentage means 0");
        assertTrue(e.getMessage().startsWith("pool p1: ") && e.getMessage().endsWith("(and 1 more)"), e.getMessage());
    }

    @Test
    void serviceHealthIsOneWhenUpAndZeroWhenDown() throws Exception {
        FakeOpenStackClient client = new FakeOpenStackClient().endpoint("volumev3", ENDPOINT)
                .serve(ENDPOINT + "/os-services", "["
                        + "{\"binary\": \"cinder-scheduler\", \"host\": \"ctl\", \"zone\": \"nova\","
                        + "  \"status\": \"enabled\", \"state\": \"up\"},"
                        + "{\"binary\": \"cinder-volume\", \"host\": \"s1@lvm\", \"zone\": \"nova\","
                        + "  \"status\": \"disabled\", \"state\": \"DOWN\"},"
                        + "{\"binary\": \"cinder-backup\", \"host\": \"ctl\", \"zone\": \"nova\","
                        + "  \"status\": \"enabled\", \"state\": \"sleepy\"}]");
        FakePollContext ctx = new FakePollContext(client, NOW);
        List<Resource> services = new VolumeServiceDiscovery(defaults()).discover(ctx, null);
        assertEquals(List.of("cinder-scheduler@ctl", "cinder-volume@s1@lvm", "cinder-backup@ctl"),
                services.stream().map(Resource::id).toList());
        List<Sample> samples = new ArrayList<>();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new VolumeServiceHealthPollster().getSamples(ctx, services, samples::add));
        assertEquals("Unknown service state 'sleepy' for cinder-backup@ctl", e.getMessage());
        assertEquals(2, samples.size(), "the known states are sampled before the failure");
        assertEquals(1L, samples.get(0).volume());
        assertEquals(0L, samples.get(1).volume());
        assertEquals("volume.service.health", samples.get(1).name());
        assertEquals("health", samples.get(1).unit());
        assertNull(samples.get(1).projectId());
        assertEquals("cinder-volume@s1@lvm", samples.get(1).resourceId());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("binary", "cinder-volume");
        m.put("host", "s1@lvm");
        m.put("zone", "nova");
        m.put("status", "disabled");
        assertEquals(m, samples.get(1).resourceMetadata());
    }

    @Test
    void pollstersLeaveOtherPayloadsOutAndNameTheirDiscoveries() throws Exception {
        assertEquals("volumes", new VolumeSizePollster().defaultDiscovery());
        assertEquals("volume_snapshots", new VolumeSnapshotSizePollster().defaultDiscovery());
        assertEquals("volume_backups", new VolumeBackupSizePollster().defaultDiscovery());
        assertEquals("volume_pools", new PoolCapacityTotalPollster().defaultDiscovery());
        assertEquals("volume_services", new VolumeServiceHealthPollster().defaultDiscovery());
        FakePollContext ctx = new FakePollContext(new FakeOpenStackClient(), NOW);
        assertTrue(poll(new VolumeSizePollster(), ctx, List.of(Resource.of("http://static/resource"))).isEmpty());
    }

    @Test
    void listingsFollowTheConfigurationAndAreLoadedOncePerCycle() throws Exception {
        FakeOpenStackClient client = new FakeOpenStackClient()
                .endpoint("block-storage", "http://cinder.example:8776/")
                .serve("http://cinder.example:8776/v3/volumes/detail?all_tenants=True&limit=50", VOLUMES);
        FakePollContext ctx = new FakePollContext(client, NOW);
        VolumeDiscovery d = new VolumeDiscovery(config("block-storage", "3.70", 50));
        assertEquals(3, d.discover(ctx, null).size());
        assertEquals(3, d.discover(ctx, null).size());
        assertEquals(1, client.paginated().size(), "the second discovery of the cycle reads the cycle cache");
        assertEquals(Map.of("OpenStack-API-Version", "volume 3.70"), client.requests().get(0).headers());
        assertEquals(3, new VolumeDiscovery(config("block-storage", "", 50))
                .discover(new FakePollContext(client, NOW), null).size());
        assertEquals(Map.of(), client.requests().get(1).headers(), "an empty api_version sends no microversion");

        assertThrows(EndpointNotFoundException.class,
                () -> new VolumeDiscovery(defaults()).discover(new FakePollContext(client, NOW), null),
                "no volumev3 in this catalog");
    }

    @Test
    void aFailedListingIsNotCachedSoTheNextCallerTriesAgain() throws Exception {
        FakeOpenStackClient client = new FakeOpenStackClient().endpoint("volumev3", ENDPOINT)
                .serve(ENDPOINT + "/volumes/detail?all_tenants=True", VOLUMES)
                .fail(ENDPOINT + "/volumes/detail?all_tenants=True", 503);
        FakePollContext ctx = new FakePollContext(client, NOW);
        OpenStackException e = assertThrows(OpenStackException.class,
                () -> new VolumeDiscovery(defaults()).discover(ctx, null));
        assertEquals(503, e.status());
        client.clearFailures();
        assertEquals(3, new VolumeDiscovery(defaults()).discover(ctx, null).size());
        assertEquals(2, client.paginated().size());
    }

    @Test
    void aCancelledCycleStopsTheListing() {
        FakeOpenStackClient client = new FakeOpenStackClient().endpoint("volumev3", ENDPOINT)
                .serve(ENDPOINT + "/volumes/detail?all_tenants=True", VOLUMES);
        FakePollContext ctx = new FakePollContext(client, NOW);
        ctx.cancel();
        assertThrows(CancellationException.class, () -> new VolumeDiscovery(defaults()).discover(ctx, null));
        assertTrue(ctx.cache().values().isEmpty());
    }

    @Test
    void theV3RootIsTakenFromTheCatalogUrl() {
        assertEquals("http://h/volume/v3/p", CinderApi.versioned("http://h/volume/v3/p/"));
        assertEquals("http://h:8776/v3", CinderApi.versioned("http://h:8776/v3"));
        assertEquals("http://h:8776/v3", CinderApi.versioned("http://h:8776"));
        assertEquals("http://h/volume/v3", CinderApi.versioned("http://h/volume"));
        assertEquals("http://h/v3x/v3", CinderApi.versioned("http://h/v3x"));
    }

    /** The property a generated component description gives, or null. */
    private static String property(Class<?> component, String name) throws Exception {
        Path xml = Path.of("target", "classes", "OSGI-INF", component.getName() + ".xml");
        String text = Files.readString(xml);
        Matcher m = Pattern.compile("<property name=\"" + Pattern.quote(name)
                + "\"[^>]*?(?:value=\"([^\"]*)\"\\s*/>|>([^<]*)</property>)").matcher(text);
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2).trim()) : null;
    }

    @Test
    void everyPluginIsRegisteredUnderCeilometersName() throws Exception {
        Map<Class<?>, String> meters = new LinkedHashMap<>();
        meters.put(VolumeSizePollster.class, "volume.size");
        meters.put(VolumeSnapshotSizePollster.class, "volume.snapshot.size");
        meters.put(VolumeBackupSizePollster.class, "volume.backup.size");
        meters.put(PoolCapacityTotalPollster.class, "volume.provider.pool.capacity.total");
        meters.put(PoolCapacityFreePollster.class, "volume.provider.pool.capacity.free");
        meters.put(PoolCapacityProvisionedPollster.class, "volume.provider.pool.capacity.provisioned");
        meters.put(PoolCapacityVirtualFreePollster.class, "volume.provider.pool.capacity.virtual_free");
        meters.put(PoolCapacityAllocatedPollster.class, "volume.provider.pool.capacity.allocated");
        meters.put(VolumeServiceHealthPollster.class, "volume.service.health");
        for (Map.Entry<Class<?>, String> e : meters.entrySet()) {
            assertEquals(e.getValue(), property(e.getKey(), "ceilometer.meter"), e.getKey().getSimpleName());
            assertEquals("ceilometer.poll.central", property(e.getKey(), "ceilometer.namespace"));
        }
        Map<Class<?>, String> discoveries = new LinkedHashMap<>();
        discoveries.put(VolumeDiscovery.class, "volumes");
        discoveries.put(VolumeSnapshotDiscovery.class, "volume_snapshots");
        discoveries.put(VolumeBackupDiscovery.class, "volume_backups");
        discoveries.put(VolumePoolDiscovery.class, "volume_pools");
        discoveries.put(VolumeServiceDiscovery.class, "volume_services");
        for (Map.Entry<Class<?>, String> e : discoveries.entrySet()) {
            assertEquals(e.getValue(), property(e.getKey(), "ceilometer.discovery"), e.getKey().getSimpleName());
            assertEquals("ceilometer.discover", property(e.getKey(), "ceilometer.namespace"));
        }
        List<Discovery> all = List.of(new VolumeDiscovery(defaults()), new VolumeSnapshotDiscovery(defaults()),
                new VolumeBackupDiscovery(defaults()), new VolumePoolDiscovery(defaults()),
                new VolumeServiceDiscovery(defaults()));
        all.forEach(d -> assertEquals(Discovery.GLOBAL_GROUP, d.groupId()));
    }
}
