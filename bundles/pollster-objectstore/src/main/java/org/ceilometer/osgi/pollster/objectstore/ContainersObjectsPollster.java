package org.ceilometer.osgi.pollster.objectstore;

import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * The {@code storage.containers.objects} meter: a gauge per container of its objects ({@code count} of the
 * account listing), as Ceilometer's {@code ContainersObjectsPollster}.
 *
 * <p>Reads the same configuration as {@link ObjectsPollster}, which declares it for the metatype.
 */
@Component(service = Pollster.class, configurationPid = SwiftPollsterConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@PollsterService(meter = ContainersObjectsPollster.METER)
public final class ContainersObjectsPollster extends AbstractContainerPollster {
    public static final String METER = "storage.containers.objects";

    @Activate
    public ContainersObjectsPollster(SwiftPollsterConfig config) {
        super(config);
    }

    @Override
    String meter() {
        return METER;
    }

    @Override
    String unit() {
        return "object";
    }

    @Override
    Long volume(ContainerStats v) {
        return v.count();
    }
}
