package org.ceilometer.osgi.pollster.volume;

import java.time.Instant;
import org.ceilometer.osgi.api.Sample;

/**
 * The five {@code volume.provider.pool.capacity.*} meters: a gauge in GiB per pool, without user or
 * project, the pool name as resource and its {@code pool_name} as metadata, as Ceilometer's
 * {@code _VolumeProviderPoolBase} pollsters.
 */
abstract class AbstractPoolPollster extends AbstractCinderPollster<PoolRecord> {

    AbstractPoolPollster() {
        super(PoolRecord.class, VolumePoolDiscovery.NAME);
    }

    /** The value of this meter for a pool, or null when there is no sample. */
    abstract Number value(PoolRecord pool);

    @Override
    Sample sample(PoolRecord pool, Instant timestamp) {
        Number v = value(pool);
        if (v == null) {
            return null;
        }
        return gauge("GiB", v, timestamp).userId(null).projectId(null).resourceId(pool.name)
                .resourceMetadata(pool.metadata()).build();
    }

    /** A capacity as the sample's volume: a number, or null for {@code unknown}, {@code infinite} or none. */
    static Number number(Object capacity) {
        if (capacity instanceof Double && !Double.isFinite((Double) capacity)) {
            return null;
        }
        return capacity instanceof Number ? (Number) capacity : null;
    }
}
