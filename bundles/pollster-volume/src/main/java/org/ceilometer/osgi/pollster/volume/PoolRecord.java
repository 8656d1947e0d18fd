package org.ceilometer.osgi.pollster.volume;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scheduler pool of {@code get_pools?detail=True}, with its capabilities read as cinderclient
 * flattens them onto the pool: the capacities as Cinder gives them (a number, or a string such as
 * {@code unknown} or {@code infinite}), and what {@code virtual_free} needs.
 */
final class PoolRecord {
    /** {@code host@backend#pool}: the resource id. */
    final String name;
    final Object poolName;
    final Object totalCapacityGb;
    final Object freeCapacityGb;
    final Object allocatedCapacityGb;
    final Object provisionedCapacityGb;
    /** Whether {@code provisioned_capacity_gb} is true as Python reads it (present, not null, not 0). */
    final boolean provisionedTruthy;
    /** {@code reserved_percentage}; absent means Cinder's default, 0. */
    final Object reservedPercentage;
    final boolean thinProvisioningSupport;
    final Object maxOverSubscriptionRatio;

    private PoolRecord(JsonNode pool) {
        this.name = JsonValues.text(pool, "name", null);
        JsonNode caps = pool.path("capabilities");
        this.poolName = JsonValues.toJava(caps.get("pool_name"), null);
        this.totalCapacityGb = JsonValues.toJava(caps.get("total_capacity_gb"), null);
        this.freeCapacityGb = JsonValues.toJava(caps.get("free_capacity_gb"), null);
        this.allocatedCapacityGb = JsonValues.toJava(caps.get("allocated_capacity_gb"), null);
        this.provisionedCapacityGb = JsonValues.toJava(caps.get("provisioned_capacity_gb"), null);
        this.provisionedTruthy = JsonValues.truthy(caps.get("provisioned_capacity_gb"));
        JsonNode reserved = caps.get("reserved_percentage");
        this.reservedPercentage = reserved == null ? Long.valueOf(0) : JsonValues.toJava(reserved, null);
        this.thinProvisioningSupport = JsonValues.truthy(caps.get("thin_provisioning_support"));
        this.maxOverSubscriptionRatio = JsonValues.toJava(caps.get("max_over_subscription_ratio"), null);
    }

    static PoolRecord of(JsonNode pool, JsonValues.Interner strings) {
        PoolRecord r = new PoolRecord(pool);
        return r.name == null || r.name.isEmpty() ? null : r;
    }

    /** Ceilometer's {@code resource_metadata} of a pool: its {@code pool_name} only. */
    Map<String, Object> metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pool_name", poolName);
        return m;
    }

    /**
     * Ceilometer's {@code volume.provider.pool.capacity.virtual_free}:
     * {@code ratio * (total - floor(reserved_percentage / 100 * total)) - provisioned}, where the ratio is
     * {@code float(max_over_subscription_ratio)} for a thin pool and 1.0 otherwise. Null when a value it
     * needs is no number (Ceilometer then fails on it).
     */
    Double virtualFree() {
        Double total = asDouble(totalCapacityGb);
        Double provisioned = asDouble(provisionedCapacityGb);
        Double reserved = asDouble(reservedPercentage);
        if (total == null || provisioned == null || reserved == null) {
            return null;
        }
        double ratio = 1.0;
        if (thinProvisioningSupport) {
            Double r = maxOverSubscriptionRatio instanceof String ? parse((String) maxOverSubscriptionRatio)
                    : asDouble(maxOverSubscriptionRatio);
            if (r == null) {
                return null;
            }
            ratio = r;
        }
        double reservedSize = Math.floor((reserved / 100) * total);
        double value = ratio * (total - reservedSize) - provisioned;
        return Double.isFinite(value) ? value : null;
    }

    private static Double asDouble(Object v) {
        return v instanceof Number ? ((Number) v).doubleValue() : null;
    }

    /** Python's {@code float()} of a string, for the plain decimal forms drivers report. */
    private static Double parse(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "pool " + name;
    }
}
