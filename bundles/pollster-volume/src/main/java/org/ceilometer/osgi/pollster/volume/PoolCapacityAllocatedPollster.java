package org.ceilometer.osgi.pollster.volume;

import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Component;

/**
 * {@code volume.provider.pool.capacity.allocated}: the pool's {@code allocated_capacity_gb} (what Cinder
 * placed there), as Ceilometer's {@code VolumeProviderPoolCapacityAllocated}.
 */
@Component(service = Pollster.class)
@PollsterService(meter = PoolCapacityAllocatedPollster.METER)
public final class PoolCapacityAllocatedPollster extends AbstractPoolPollster {
    public static final String METER = "volume.provider.pool.capacity.allocated";

    @Override
    String meter() {
        return METER;
    }

    @Override
    Number value(PoolRecord pool) {
        return number(pool.allocatedCapacityGb);
    }
}
