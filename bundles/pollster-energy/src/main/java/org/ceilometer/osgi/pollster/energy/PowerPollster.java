package org.ceilometer.osgi.pollster.energy;

import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code power} meter: a gauge of the power each Kwapi probe last read ({@code w}, in {@code W}),
 * as Ceilometer's {@code PowerPollster}.
 */
@Component(service = Pollster.class)
@PollsterService(meter = PowerPollster.METER)
public final class PowerPollster extends AbstractKwapiPollster {
    public static final String METER = "power";

    @Override
    String meter() {
        return METER;
    }

    @Override
    MeterType type() {
        return MeterType.GAUGE;
    }

    @Override
    String unit() {
        return "W";
    }

    @Override
    Number volume(ProbeRecord probe) {
        return probe.w();
    }
}
