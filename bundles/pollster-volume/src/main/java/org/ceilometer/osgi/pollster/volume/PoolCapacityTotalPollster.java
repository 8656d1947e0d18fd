package org.ceilometer.osgi.pollster.volume;

import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Component;

/**
 * {@code volume.provider.pool.capacity.total}: the pool's {@code total_capacity_gb}, as Ceilometer's
 * {@code VolumeProviderPoolCapacityTotal}. A pool reporting {@code unknown} or {@code infinite} gives no sample
 * (Ceilometer's pipeline drops it).
 */
@Component(service = Pollster.class)
@PollsterService(meter = PoolCapacityTotalPollster.METER)
public final class PoolCapacityTotalPollster extends AbstractPoolPollster {
    public static final String METER = "volume.provider.pool.capacity.total";

    @Override
    String meter() {
        return METER;
    }

    @Override
    Number value(PoolRecord pool) {
        return number(pool.totalCapacityGb);
    }
}
