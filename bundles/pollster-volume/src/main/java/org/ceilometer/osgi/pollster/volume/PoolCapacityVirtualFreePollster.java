package org.ceilometer.osgi.pollster.volume;

import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Component;

/**
 * {@code volume.provider.pool.capacity.virtual_free}: what may still be provisioned, as Ceilometer's
 * {@code VolumeProviderPoolCapacityVirtualFree}: {@code ratio * (total - floor(reserved% / 100 * total)) -
 * provisioned}, the ratio being the pool's {@code max_over_subscription_ratio} when it supports thin
 * provisioning and 1.0 otherwise; always a float. Only for a pool that reports a provisioned capacity. A
 * pool whose values are no numbers ({@code unknown} total, {@code auto} ratio) gives no sample and fails
 * the run once the other pools are sampled, as Ceilometer fails on it.
 */
@Component(service = Pollster.class)
@PollsterService(meter = PoolCapacityVirtualFreePollster.METER)
public final class PoolCapacityVirtualFreePollster extends AbstractPoolPollster {
    public static final String METER = "volume.provider.pool.capacity.virtual_free";

    @Override
    String meter() {
        return METER;
    }

    @Override
    Number value(PoolRecord pool) {
        if (!pool.provisionedTruthy) {
            return null;
        }
        Double v = pool.virtualFree();
        if (v == null) {
            throw new InvalidRecordException("pool " + pool.name + ": no virtual free capacity from total "
                    + pool.totalCapacityGb + ", reserved " + pool.reservedPercentage + "%, ratio "
                    + pool.maxOverSubscriptionRatio + ", provisioned " + pool.provisionedCapacityGb);
        }
        return v;
    }
}
