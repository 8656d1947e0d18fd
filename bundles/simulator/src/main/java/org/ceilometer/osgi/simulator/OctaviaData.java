package org.ceilometer.osgi.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The simulator's Octavia load balancers, computed from the seed and an index: the fields of the
 * Load Balancer API v2 reference, listed newest first as Octavia sorts them ({@code created_at} then
 * {@code id}, descending). Each belongs to a tenant project (to {@code admin} when there are none).
 * Nothing is stored: 100,000 load balancers cost no heap.
 *
 * <p>Provisioning statuses are mostly {@code ACTIVE}, with {@code PENDING_CREATE}, {@code PENDING_UPDATE},
 * {@code PENDING_DELETE} and, every 40th (index 9, 49, ...), {@code ERROR}. Operating statuses are mostly
 * {@code ONLINE}, with {@code OFFLINE}, {@code DEGRADED}, {@code NO_MONITOR}, {@code DRAINING} and,
 * every 40th (index 17, 57, ...), {@code ERROR}.
 */
public final class OctaviaData {
    private static final long NEWEST_EPOCH = Instant.parse("2025-06-01T00:00:00Z").getEpochSecond();
    /** Octavia writes times without zone, in UTC. */
    private static final DateTimeFormatter OCTAVIA_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final SimulatorData data;
    private final int count;
    private final Ids ids;
    private final Ids misc;

    /** An Octavia load balancer ({@code GET /v2/lbaas/loadbalancers}); null fields are JSON nulls. */
    public record LoadBalancer(int index, String id, String projectId, String name, String description,
            boolean adminStateUp, String provisioningStatus, String operatingStatus, String availabilityZone,
            String flavorId, String provider, String vipAddress, String vipPortId, String vipSubnetId,
            String vipNetworkId, String vipQosPolicyId, String createdAt, String updatedAt, List<String> listeners,
            List<String> pools, List<String> tags) {}

    public OctaviaData(SimulatorData data, int loadBalancers) {
        if (loadBalancers < 0) {
            throw new IllegalArgumentException("the load balancer count must not be negative: " + loadBalancers);
        }
        this.data = Objects.requireNonNull(data);
        this.count = loadBalancers;
        this.ids = new Ids(data.seed(), "loadbalancer");
        this.misc = new Ids(data.seed(), "octavia-misc");
    }

    public int loadBalancerCount() {
        return count;
    }

    /** Every load balancer, in Octavia's default listing order. */
    public List<LoadBalancer> loadBalancers() {
        return NeutronData.lazyList(count, this::loadBalancer);
    }

    /** The index of a load balancer id, or -1. */
    public int loadBalancerIndex(String id) {
        int i = ids.index(id);
        return i >= 0 && i < count && ids.uuid(i).equals(id) ? i : -1;
    }

    public LoadBalancer loadBalancer(int index) {
        Objects.checkIndex(index, count);
        SplittableRandom r = new SplittableRandom(ids.itemSeed(index));
        int tenants = data.tenantProjectCount();
        String project = data.project(tenants > 0 ? SimulatorData.FIRST_TENANT + r.nextInt(tenants)
                : SimulatorData.ADMIN_PROJECT).id();
        String provisioning = index % 40 == 9 ? "ERROR"
                : NeutronData.pick(r, "ACTIVE", 88, "PENDING_CREATE", 4, "PENDING_UPDATE", 5, "PENDING_DELETE", 3);
        String operating = index % 40 == 17 ? "ERROR"
                : NeutronData.pick(r, "ONLINE", 76, "OFFLINE", 8, "DEGRADED", 7, "NO_MONITOR", 6, "DRAINING", 3);
        boolean ovn = r.nextInt(5) == 0;
        long created = NEWEST_EPOCH - index * 120L - r.nextInt(60);
        boolean touched = r.nextInt(3) > 0;
        List<String> listeners = new ArrayList<>();
        List<String> pools = new ArrayList<>();
        int l = r.nextInt(3);
        for (int i = 0; i < l; i++) {
            listeners.add(misc.uuid(1_000_000 + index * 4 + i));
            pools.add(misc.uuid(2_000_000 + index * 4 + i));
        }
        return new LoadBalancer(index, ids.uuid(index), project, "lb-" + NeutronData.pad5(index),
                r.nextBoolean() ? "" : "Load balancer " + index, r.nextInt(100) < 97, provisioning, operating,
                r.nextInt(4) == 0 ? "az" + (1 + r.nextInt(3)) : null,
                r.nextInt(3) == 0 ? misc.uuid(r.nextInt(3)) : null, ovn ? "ovn" : "amphora",
                "10.1." + ((index >>> 8) & 255) + "." + (index & 255), misc.uuid(3_000_000 + index),
                misc.uuid(10 + r.nextInt(4)), misc.uuid(20 + r.nextInt(4)), null,
                OCTAVIA_TIME.format(Instant.ofEpochSecond(created)),
                touched ? OCTAVIA_TIME.format(Instant.ofEpochSecond(created + 60 + r.nextInt(86400))) : null,
                List.copyOf(listeners), List.copyOf(pools), r.nextInt(6) == 0 ? List.of("web") : List.of());
    }
}
