package org.ceilometer.osgi.pollster.energy;

import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code energy} meter: a cumulative of the energy each Kwapi probe measured since it started
 * ({@code kwh}, in {@code kWh}), as Ceilometer's {@code EnergyPollster}.
 */
@Component(service = Pollster.class)
@PollsterService(meter = EnergyPollster.METER)
public final class EnergyPollster extends AbstractKwapiPollster {
    public static final String METER = "energy";

    @Override
    String meter() {
        return METER;
    }

    @Override
    MeterType type() {
        return MeterType.CUMULATIVE;
    }

    @Override
    String unit() {
        return "kWh";
    }

    @Override
    Number volume(ProbeRecord probe) {
        return probe.kwh();
    }
}
