package org.ceilometer.osgi.pollster.loadbalancer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Octavia load balancer as the samples need it, and nothing more: id, project, both statuses and
 * the values of Ceilometer's metadata keys. This, not the JSON tree, is what the discovery hands over
 * and the cycle cache keeps. Immutable.
 */
final class LoadBalancerRecord {
    /**
     * Ceilometer's {@code resource_metadata} keys, in its order ({@code ceilometer/load_balancer/octavia.py},
     * {@code _BaseLoadBalancerPollster.FIELDS}); each is also the API field it comes from.
     */
    static final List<String> METADATA_KEYS = List.of("name", "availability_zone", "vip_address", "vip_port_id",
            "provisioning_status", "operating_status", "provider", "flavor_id");

    final String id;
    final String projectId;
    final String name;
    final String operatingStatus;
    final String provisioningStatus;
    private final String[] values;

    private LoadBalancerRecord(String id, String projectId, String[] values) {
        this.id = id;
        this.projectId = projectId;
        this.values = values;
        this.name = values[0];
        this.provisioningStatus = values[4];
        this.operatingStatus = values[5];
    }

    /**
     * The record of one load balancer of an Octavia listing.
     *
     * @throws IllegalArgumentException when it has no id
     */
    static LoadBalancerRecord of(JsonNode lb, Interner strings) {
        String id = text(lb, "id", null);
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("Octavia listed a load balancer without id");
        }
        String[] values = new String[METADATA_KEYS.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = text(lb, METADATA_KEYS.get(i), strings);
        }
        return new LoadBalancerRecord(id, text(lb, "project_id", strings), values);
    }

    /** Ceilometer's {@code resource_metadata}, keys in its order; a field Octavia leaves out is null. */
    Map<String, Object> metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(METADATA_KEYS.get(i), values[i]);
        }
        return m;
    }

    private static String text(JsonNode lb, String field, Interner strings) {
        JsonNode v = lb.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return strings == null ? v.asText() : strings.intern(v.asText());
    }

    @Override
    public String toString() {
        return "load balancer " + id;
    }

    /** Shares the one copy of values many load balancers repeat (projects, statuses, providers). */
    static final class Interner {
        private final Map<String, String> seen = new HashMap<>();

        String intern(String s) {
            String known = seen.putIfAbsent(s, s);
            return known == null ? s : known;
        }
    }
}
