package org.ceilometer.osgi.pollster.volume;

import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Component;

/**
 * {@code volume.provider.pool.capacity.provisioned}: the pool's {@code provisioned_capacity_gb}, as
 * Ceilometer's {@code VolumeProviderPoolCapacityProvisioned}: only for a pool that reports it, not as 0.
 */
@Component(service = Pollster.class)
@PollsterService(meter = PoolCapacityProvisionedPollster.METER)
public final class PoolCapacityProvisionedPollster extends AbstractPoolPollster {
    public static final String METER = "volume.provider.pool.capacity.provisioned";

    @Override
    String meter() {
        return METER;
    }

    @Override
    Number value(PoolRecord pool) {
        return pool.provisionedTruthy ? number(pool.provisionedCapacityGb) : null;
    }
}
