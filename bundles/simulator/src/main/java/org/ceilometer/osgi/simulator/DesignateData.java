package org.ceilometer.osgi.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The simulator's Designate zones and their recordsets, computed from the seed and an index: the
 * fields of the DNS API v2 reference. Zones belong to tenant projects (to {@code admin} when there
 * are none) and list oldest first, as Designate sorts by {@code created_at} ascending. Every zone has
 * an SOA and an NS recordset and up to 12 more; every 25th zone (index 3, 28, ...) has 30 to 60
 * more, so that recordset listings page. Nothing is stored: 100,000 zones cost no heap.
 *
 * <p>Statuses: mostly {@code ACTIVE} (action {@code NONE}), some {@code PENDING} (action
 * {@code CREATE} or {@code UPDATE}), and every 50th zone (index 13, 63, ...) {@code ERROR}.
 */
public final class DesignateData {
    /** At most this many recordsets per zone: recordset ids are made from {@code zone * 64 + n}. */
    public static final int MAX_RECORDSETS_PER_ZONE = 64;

    private static final long OLDEST_EPOCH = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
    /** Designate writes times with microseconds and no zone, in UTC. */
    private static final DateTimeFormatter DESIGNATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
    private static final String[] TYPES = {"A", "AAAA", "CNAME", "MX", "TXT"};

    private final SimulatorData data;
    private final int count;
    private final Ids zoneIds;
    private final Ids recordsetIds;
    private final String poolId;

    /** A Designate zone ({@code GET /v2/zones}); {@code recordsetCount} is what its recordset listing holds. */
    public record Zone(int index, String id, String poolId, String projectId, String name, String email,
            int ttl, long serial, String status, String action, String description, String type,
            List<String> masters, int version, String createdAt, String updatedAt, int recordsetCount) {}

    /** A recordset of a zone ({@code GET /v2/zones/<id>/recordsets}); {@code ttl} null means the zone's. */
    public record RecordSet(int zoneIndex, int number, String id, String zoneId, String projectId, String name,
            String zoneName, String type, List<String> records, Integer ttl, String status, String action,
            int version, String description, String createdAt, String updatedAt) {}

    public DesignateData(SimulatorData data, int zones) {
        if (zones < 0) {
            throw new IllegalArgumentException("the zone count must not be negative: " + zones);
        }
        this.data = Objects.requireNonNull(data);
        this.count = zones;
        this.zoneIds = new Ids(data.seed(), "zone");
        this.recordsetIds = new Ids(data.seed(), "recordset");
        this.poolId = new Ids(data.seed(), "designate-pool").uuid(0);
    }

    public int zoneCount() {
        return count;
    }

    /** Every zone, in Designate's default listing order. */
    public List<Zone> zones() {
        return NeutronData.lazyList(count, this::zone);
    }

    /** The index of a zone id, or -1. */
    public int zoneIndex(String id) {
        int i = zoneIds.index(id);
        return i >= 0 && i < count && zoneIds.uuid(i).equals(id) ? i : -1;
    }

    public Zone zone(int index) {
        Objects.checkIndex(index, count);
        SplittableRandom r = new SplittableRandom(zoneIds.itemSeed(index));
        int tenants = data.tenantProjectCount();
        String project = data.project(tenants > 0 ? SimulatorData.FIRST_TENANT + r.nextInt(tenants)
                : SimulatorData.ADMIN_PROJECT).id();
        String status = index % 50 == 13 ? "ERROR" : r.nextInt(100) < 6 ? "PENDING" : "ACTIVE";
        String action = "ACTIVE".equals(status) ? "NONE" : r.nextBoolean() ? "CREATE" : "UPDATE";
        int ttl = r.nextInt(10) < 7 ? 3600 : r.nextBoolean() ? 300 : 86400;
        long created = OLDEST_EPOCH + index * 300L + r.nextInt(120);
        boolean updated = r.nextInt(3) > 0;
        long lastChange = updated ? created + 60 + r.nextInt(90 * 86400) : created;
        boolean secondary = r.nextInt(20) == 0;
        int extra = index % 25 == 3 ? 30 + r.nextInt(31) : r.nextInt(13);
        String name = "zone-" + NeutronData.pad5(index) + ".example.org.";
        return new Zone(index, zoneIds.uuid(index), poolId, project, name, "hostmaster@example.org", ttl,
                lastChange, status, action, r.nextInt(4) == 0 ? "Zone " + index : null,
                secondary ? "SECONDARY" : "PRIMARY", secondary ? List.of("192.0.2.53:53") : List.of(),
                1 + r.nextInt(9), time(created), updated ? time(lastChange) : null, 2 + extra);
    }

    /** The recordsets of a zone, in listing order. */
    public List<RecordSet> recordsets(int zoneIndex) {
        Zone zone = zone(zoneIndex);
        return NeutronData.lazyList(zone.recordsetCount(), n -> recordset(zone, n));
    }

    /**
     * The zone index and recordset number of a recordset id, or null.
     */
    public int[] recordsetPosition(String id) {
        int i = recordsetIds.index(id);
        if (i < 0 || i / MAX_RECORDSETS_PER_ZONE >= count || !recordsetIds.uuid(i).equals(id)) {
            return null;
        }
        int zone = i / MAX_RECORDSETS_PER_ZONE;
        int n = i % MAX_RECORDSETS_PER_ZONE;
        return n < zone(zone).recordsetCount() ? new int[] {zone, n} : null;
    }

    private RecordSet recordset(Zone zone, int n) {
        SplittableRandom r = new SplittableRandom(recordsetIds.itemSeed(zone.index() * MAX_RECORDSETS_PER_ZONE + n));
        String id = recordsetIds.uuid(zone.index() * MAX_RECORDSETS_PER_ZONE + n);
        String type;
        String name;
        List<String> records;
        Integer ttl = null;
        if (n == 0) {
            type = "SOA";
            name = zone.name();
            records = List.of("ns1.example.net. " + zone.email().replace('@', '.') + ". " + zone.serial()
                    + " 3563 600 86400 3600");
        } else if (n == 1) {
            type = "NS";
            name = zone.name();
            records = List.of("ns1.example.net.");
        } else {
            type = TYPES[r.nextInt(TYPES.length)];
            name = "host-" + n + "." + zone.name();
            records = switch (type) {
                case "A" -> List.of("192.0.2." + (1 + r.nextInt(254)));
                case "AAAA" -> List.of("2001:db8::" + Integer.toHexString(1 + r.nextInt(65535)));
                case "CNAME" -> List.of("www." + zone.name());
                case "MX" -> List.of("10 mail." + zone.name());
                default -> List.of("\"v=spf1 -all\"");
            };
            ttl = r.nextInt(3) == 0 ? 600 : null;
        }
        return new RecordSet(zone.index(), n, id, zone.id(), zone.projectId(), name, zone.name(), type, records, ttl,
                zone.status(), zone.action(), 1, null, zone.createdAt(), n == 0 ? zone.updatedAt() : null);
    }

    private static String time(long epochSecond) {
        return DESIGNATE_TIME.format(Instant.ofEpochSecond(epochSecond));
    }
}
