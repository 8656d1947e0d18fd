package org.ceilometer.osgi.pollster.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.openstack.EndpointNotFoundException;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.simulator.Simulator;
import org.ceilometer.osgi.simulator.cinder.CinderData;
import org.ceilometer.osgi.simulator.cinder.SimVolume;
import org.ceilometer.osgi.simulator.cinder.SimVolumeBackup;
import org.ceilometer.osgi.simulator.cinder.SimVolumePool;
import org.ceilometer.osgi.simulator.cinder.SimVolumeService;
import org.ceilometer.osgi.simulator.cinder.SimVolumeSnapshot;
import org.ceilometer.osgi.testsupport.FakePollContext;
import org.ceilometer.osgi.testsupport.SimulatorClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Cinder discoveries and pollsters against the simulator, through the real Keystone session. */
class CinderSimulatorTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private Simulator sim;
    private OpenStackClient client;

    @AfterEach
    void stop() {
        SimulatorClients.close(client, sim);
    }

    private void start(Simulator.Builder b, String interfaceName) throws Exception {
        sim = b.start();
        client = SimulatorClients.client(sim, interfaceName);
    }

    /** The path of Cinder's v3 root through an interface, for request counts and faults. */
    private String v3(String interfaceName) {
        String prefix = "public".equals(interfaceName) ? "/volumev3" : "/volumev3-" + interfaceName;
        return prefix + "/v3/" + sim.data().adminProject().id();
    }

    private static List<Sample> poll(Pollster p, FakePollContext ctx, List<Resource> resources) throws Exception {
        List<Sample> out = new ArrayList<>();
        p.getSamples(ctx, resources, out::add);
        return out;
    }

    static Map<String, Object> volumeMetadata(SimVolume v) {
        List<Object> attachments = new ArrayList<>();
        if (v.attachment() != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", v.id());
            a.put("attachment_id", v.attachment().attachmentId());
            a.put("volume_id", v.id());
            a.put("server_id", v.attachment().serverId());
            a.put("host_name", v.attachment().hostName());
            a.put("device", v.attachment().device());
            a.put("attached_at", v.attachment().attachedAt());
            attachments.add(a);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", v.name());
        m.put("status", v.status());
        m.put("volume_type", v.volumeTypeName());
        m.put("volume_type_id", v.volumeTypeId());
        m.put("availability_zone", v.availabilityZone());
        m.put("os-vol-host-attr:host", v.host());
        m.put("migration_status", v.migrationStatus());
        m.put("attachments", attachments);
        m.put("snapshot_id", v.snapshotId());
        m.put("source_volid", v.sourceVolid());
        m.put("image_id", v.imageMetadata() == null ? null : v.imageMetadata().get("image_id"));
        m.put("instance_id", v.attachment() == null ? null : v.attachment().serverId());
        return m;
    }

    @Test
    void everyVolumeSnapshotAndBackupGivesItsSizeWithCeilometersIds() throws Exception {
        start(Simulator.builder().seed(21).projects(9).images(30).volumes(1234).volumeSnapshots(150)
                .volumeBackups(60), "public");
        FakePollContext ctx = new FakePollContext(client, NOW);
        CinderData c = sim.cinder();

        List<Sample> volumes = poll(new VolumeSizePollster(), ctx, new VolumeDiscovery(CinderPollstersTest.defaults())
                .discover(ctx, null));
        assertEquals(1234, volumes.size());
        assertEquals(2, sim.requestCount(v3("public") + "/volumes/detail"),
                "no limit: Cinder's pages of 1000, followed through volumes_links");
        assertTrue(sim.recentRequests().contains("GET " + v3("public") + "/volumes/detail?all_tenants=True"));
        for (int i = 0; i < volumes.size(); i++) {
            SimVolume e = c.volume(i);
            Sample s = volumes.get(i);
            assertEquals("volume.size", s.name());
            assertEquals(MeterType.GAUGE, s.type());
            assertEquals("GiB", s.unit());
            assertEquals(e.size(), s.volume());
            assertEquals(e.id(), s.resourceId());
            assertEquals(e.projectId(), s.projectId());
            assertEquals(e.userId(), s.userId());
            assertEquals(NOW, s.timestamp());
            assertEquals(volumeMetadata(e), s.resourceMetadata());
        }
        assertTrue(volumes.stream().anyMatch(s -> s.resourceMetadata().get("instance_id") != null));
        assertTrue(volumes.stream().anyMatch(s -> s.resourceMetadata().get("image_id") != null));

        List<Sample> snapshots = poll(new VolumeSnapshotSizePollster(), ctx,
                new VolumeSnapshotDiscovery(CinderPollstersTest.defaults()).discover(ctx, null));
        assertEquals(150, snapshots.size());
        for (int i = 0; i < snapshots.size(); i++) {
            SimVolumeSnapshot e = c.snapshot(i);
            Sample s = snapshots.get(i);
            assertEquals("volume.snapshot.size", s.name());
            assertEquals(e.size(), s.volume());
            assertEquals(e.id(), s.resourceId());
            assertEquals(e.projectId(), s.projectId());
            assertEquals(e.userId(), s.userId(), "user_id needs 3.41, and 3.64 is sent");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.name());
            m.put("volume_id", e.volumeId());
            m.put("status", e.status());
            m.put("description", e.description());
            m.put("metadata", e.metadata());
            m.put("os-extended-snapshot-attributes:progress", e.progress());
            assertEquals(m, s.resourceMetadata());
        }

        List<Sample> backups = poll(new VolumeBackupSizePollster(), ctx,
                new VolumeBackupDiscovery(CinderPollstersTest.defaults()).discover(ctx, null));
        assertEquals(60, backups.size());
        for (int i = 0; i < backups.size(); i++) {
            SimVolumeBackup e = c.backup(i);
            Sample s = backups.get(i);
            assertEquals("volume.backup.size", s.name());
            assertEquals(e.size(), s.volume());
            assertEquals(e.projectId(), s.projectId());
            assertEquals(e.userId(), s.userId(), "user_id needs 3.56");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.name());
            m.put("is_incremental", e.incremental());
            m.put("object_count", e.objectCount());
            m.put("container", e.container());
            m.put("volume_id", e.volumeId());
            m.put("status", e.status());
            m.put("description", e.description());
            assertEquals(m, s.resourceMetadata());
        }
    }

    @Test
    void pagesAreFollowedAcrossPageBoundaries() throws Exception {
        start(Simulator.builder().seed(4).projects(3).volumes(30).volumeSnapshots(21).volumeBackups(0), "internal");
        FakePollContext ctx = new FakePollContext(client, NOW);
        List<Resource> bySeven = new VolumeDiscovery(CinderPollstersTest.config("volumev3", "3.64", 7))
                .discover(ctx, null);
        assertEquals(sim.cinder().volumes().stream().map(SimVolume::id).toList(),
                bySeven.stream().map(Resource::id).toList());
        assertEquals(5, sim.requestCount(v3("internal") + "/volumes/detail"), "30 by 7: 4 full pages and one of 2");
        assertTrue(sim.recentRequests().contains("GET " + v3("internal") + "/volumes/detail?all_tenants=True&limit=7"));

        List<Resource> snapshots = new VolumeSnapshotDiscovery(CinderPollstersTest.config("volumev3", "3.64", 7))
                .discover(ctx, null);
        assertEquals(21, snapshots.size());
        assertEquals(4, sim.requestCount(v3("internal") + "/snapshots/detail"),
                "21 by 7: Cinder links the third full page to an empty fourth");
        assertEquals(0, new VolumeBackupDiscovery(CinderPollstersTest.defaults()).discover(ctx, null).size());
    }

    @Test
    void poolsAndServicesGiveTheirCapacitiesAndHealth() throws Exception {
        start(Simulator.builder().seed(5).volumePools(14).volumeServicesDown(3), "public");
        FakePollContext ctx = new FakePollContext(client, NOW);
        List<Resource> pools = new VolumePoolDiscovery(CinderPollstersTest.defaults()).discover(ctx, null);
        List<SimVolumePool> expected = sim.cinder().pools();
        assertEquals(expected.stream().map(SimVolumePool::name).toList(), pools.stream().map(Resource::id).toList());

        Map<String, Object> totals = new LinkedHashMap<>();
        poll(new PoolCapacityTotalPollster(), ctx, pools).forEach(s -> totals.put(s.resourceId(), s.volume()));
        Map<String, Object> expectedTotals = new LinkedHashMap<>();
        expected.stream().filter(p -> p.totalCapacityGb() instanceof Number)
                .forEach(p -> expectedTotals.put(p.name(), p.totalCapacityGb()));
        assertEquals(expectedTotals, totals, "Long or Double as Cinder wrote them; 'unknown' gives none");
        assertEquals(12, totals.size(), "pools 5 and 12 report unknown");

        List<Sample> provisioned = poll(new PoolCapacityProvisionedPollster(), ctx, pools);
        assertEquals(expected.stream().filter(p -> p.provisionedCapacityGb() instanceof Number
                && ((Number) p.provisionedCapacityGb()).doubleValue() != 0).map(SimVolumePool::name).toList(),
                provisioned.stream().map(Sample::resourceId).toList(), "NFS pools provision nothing");

        List<Sample> virtualFree = new ArrayList<>();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new PoolCapacityVirtualFreePollster().getSamples(ctx, pools, virtualFree::add));
        assertTrue(e.getMessage().startsWith("pool " + expected.get(12).name()), e.getMessage());
        assertEquals(provisioned.size() - 1, virtualFree.size(), "every provisioned pool but the unknown one");
        for (Sample s : virtualFree) {
            SimVolumePool p = expected.stream().filter(x -> x.name().equals(s.resourceId())).findFirst().orElseThrow();
            double total = ((Number) p.totalCapacityGb()).doubleValue();
            double ratio = p.thinProvisioningSupport() ? Double.parseDouble(p.maxOverSubscriptionRatio()) : 1.0;
            double want = ratio * (total - Math.floor((p.reservedPercentage() / 100.0) * total))
                    - ((Number) p.provisionedCapacityGb()).doubleValue();
            assertEquals(want, s.volume());
            assertEquals(Map.of("pool_name", p.poolName()), s.resourceMetadata());
        }
        assertEquals(1, sim.requestCount(v3("public") + "/scheduler-stats/get_pools"), "one listing, five meters");
        poll(new PoolCapacityFreePollster(), ctx, pools);
        poll(new PoolCapacityAllocatedPollster(), ctx, pools);
        assertEquals(1, sim.requestCount(v3("public") + "/scheduler-stats/get_pools"));

        List<Sample> health = poll(new VolumeServiceHealthPollster(), ctx,
                new VolumeServiceDiscovery(CinderPollstersTest.defaults()).discover(ctx, null));
        List<SimVolumeService> services = sim.cinder().services();
        assertEquals(16, health.size());
        for (int i = 0; i < health.size(); i++) {
            SimVolumeService es = services.get(i);
            Sample s = health.get(i);
            assertEquals(es.binary() + "@" + es.host(), s.resourceId());
            assertEquals(es.isUp() ? 1L : 0L, s.volume());
            assertEquals(es.status(), s.resourceMetadata().get("status"));
            assertEquals("nova", s.resourceMetadata().get("zone"));
        }
        assertEquals(3, health.stream().filter(s -> s.volume().equals(0L)).count());
    }

    @Test
    void anOlderMicroversionLeavesTheIdsCinderThenHides() throws Exception {
        start(Simulator.builder().volumes(3).volumeSnapshots(3).volumeBackups(3), "public");
        FakePollContext ctx = new FakePollContext(client, NOW);
        CinderConfig old = CinderPollstersTest.config("volumev3", "3.0", 0);
        for (Sample s : poll(new VolumeSnapshotSizePollster(), ctx, new VolumeSnapshotDiscovery(old).discover(ctx, null))) {
            assertNull(s.userId());
            assertTrue(s.projectId() != null);
        }
        for (Sample s : poll(new VolumeBackupSizePollster(), ctx, new VolumeBackupDiscovery(old).discover(ctx, null))) {
            assertNull(s.userId());
            assertNull(s.projectId(), "os-backup-project-attr:project_id comes at 3.18");
        }
        Sample v = poll(new VolumeSizePollster(), ctx, new VolumeDiscovery(old).discover(ctx, null)).get(0);
        assertNull(v.resourceMetadata().get("volume_type_id"), "volume_type_id comes at 3.63");
    }

    @Test
    void aCloudWithoutCinderGivesEndpointNotFound() throws Exception {
        start(Simulator.builder().omitServices("volumev3"), "public");
        FakePollContext ctx = new FakePollContext(client, NOW);
        EndpointNotFoundException e = assertThrows(EndpointNotFoundException.class,
                () -> new VolumeDiscovery(CinderPollstersTest.defaults()).discover(ctx, null));
        assertEquals("volumev3", e.serviceType());
        assertThrows(EndpointNotFoundException.class,
                () -> new VolumeServiceDiscovery(CinderPollstersTest.defaults()).discover(ctx, null));
    }

    @Test
    void oneFailingListingLeavesTheOthersWhole() throws Exception {
        start(Simulator.builder().volumes(40).volumeSnapshots(25).volumeBackups(12), "public");
        FakePollContext ctx = new FakePollContext(client, NOW);
        sim.faults().failNext(v3("public") + "/snapshots", 1);
        OpenStackException e = assertThrows(OpenStackException.class,
                () -> new VolumeSnapshotDiscovery(CinderPollstersTest.defaults()).discover(ctx, null));
        assertEquals(500, e.status());
        assertEquals(40, poll(new VolumeSizePollster(), ctx,
                new VolumeDiscovery(CinderPollstersTest.defaults()).discover(ctx, null)).size());
        assertEquals(12, poll(new VolumeBackupSizePollster(), ctx,
                new VolumeBackupDiscovery(CinderPollstersTest.defaults()).discover(ctx, null)).size());
        assertEquals(6, poll(new PoolCapacityTotalPollster(), ctx,
                new VolumePoolDiscovery(CinderPollstersTest.defaults()).discover(ctx, null)).size() + 1,
                "six pools, the one of index 5 reports unknown");
        assertEquals(25, new VolumeSnapshotDiscovery(CinderPollstersTest.defaults()).discover(ctx, null).size(),
                "the failure was not cached: the next call of the cycle lists again");
    }

    @Test
    void aFailureOnALaterPageFailsThatListingOnly() throws Exception {
        start(Simulator.builder().volumes(30), "public");
        FakePollContext ctx = new FakePollContext(client, NOW);
        CinderConfig byTen = CinderPollstersTest.config("volumev3", "3.64", 10);
        sim.faults().failNext(v3("public") + "/volumes/detail?all_tenants=True&limit=10&marker=", 1, 503);
        OpenStackException e = assertThrows(OpenStackException.class,
                () -> new VolumeDiscovery(byTen).discover(ctx, null));
        assertEquals(503, e.status());
        assertTrue(ctx.cache().values().isEmpty(), "no half listing in the cycle cache");
        sim.faults().malformedNext(v3("public") + "/volumes/detail?all_tenants=True&limit=10&marker=", 1);
        assertThrows(OpenStackException.class, () -> new VolumeDiscovery(byTen).discover(ctx, null));
        assertEquals(30, new VolumeDiscovery(byTen).discover(ctx, null).size());
    }

    @Test
    void anExpiredTokenIsRenewedOnceAndTheCycleGoesOn() throws Exception {
        start(Simulator.builder().volumes(25).volumeSnapshots(5), "public");
        FakePollContext ctx = new FakePollContext(client, NOW);
        CinderConfig byTen = CinderPollstersTest.config("volumev3", "3.64", 10);
        client.endpoint("volumev3"); // authenticated before the cycle
        long auths = sim.requestCount("/identity/v3/auth/tokens");
        // Keystone revokes the token while the listing is between its pages
        sim.faults().failNext(v3("public") + "/volumes/detail?all_tenants=True&limit=10&marker=", 1, 401);
        List<Resource> volumes = new VolumeDiscovery(byTen).discover(ctx, null);
        assertEquals(sim.cinder().volumes().stream().map(SimVolume::id).toList(),
                volumes.stream().map(Resource::id).toList(), "every page read once, none twice");
        assertEquals(auths + 1, sim.requestCount("/identity/v3/auth/tokens"), "one new token");

        sim.faults().expireTokens();
        assertEquals(5, new VolumeSnapshotDiscovery(byTen).discover(ctx, null).size());
        assertEquals(auths + 2, sim.requestCount("/identity/v3/auth/tokens"));
    }
}
