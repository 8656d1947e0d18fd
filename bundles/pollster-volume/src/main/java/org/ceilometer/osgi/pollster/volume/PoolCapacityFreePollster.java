package org.ceilometer.osgi.pollster.volume;

import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Component;

/**
 * {@code volume.provider.pool.capacity.free}: the pool's {@code free_capacity_gb}, as Ceilometer's
 * {@code VolumeProviderPoolCapacityFree}. A pool reporting {@code unknown} or {@code infinite} gives no sample.
 */
@Component(service = Pollster.class)
@PollsterService(meter = PoolCapacityFreePollster.METER)
public final class PoolCapacityFreePollster extends AbstractPoolPollster {
    public static final String METER = "volume.provider.pool.capacity.free";

    @Override
    String meter() {
        return METER;
    }

    @Override
    Number value(PoolRecord pool) {
        return number(pool.freeCapacityGb);
    }
}
