package org.ceilometer.osgi.simulator.cinder;

/**
 * A back-end pool as the scheduler reports it ({@code GET /scheduler-stats/get_pools?detail=True}).
 * Capacities are GiB and keep the JSON type a driver reports: a {@link Long}, a {@link Double}, or a
 * String such as {@code unknown} or {@code infinite}; null leaves the field out.
 *
 * @param name {@code host@backend#pool}
 * @param poolName the {@code pool_name} capability
 * @param maxOverSubscriptionRatio a string, as drivers report it ({@code "20.0"})
 */
public record SimVolumePool(
        int index,
        String name,
        String poolName,
        String backendName,
        String storageProtocol,
        Object totalCapacityGb,
        Object freeCapacityGb,
        Object allocatedCapacityGb,
        Object provisionedCapacityGb,
        int reservedPercentage,
        boolean thinProvisioningSupport,
        String maxOverSubscriptionRatio,
        long totalVolumes,
        String timestamp) {

    /** The {@code host@backend} part of the name, which is also its cinder-volume service's host. */
    public String backendHost() {
        int hash = name.indexOf('#');
        return hash < 0 ? name : name.substring(0, hash);
    }
}
