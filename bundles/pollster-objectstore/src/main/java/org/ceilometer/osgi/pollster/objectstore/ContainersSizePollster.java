package org.ceilometer.osgi.pollster.objectstore;

import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * The {@code storage.containers.objects.size} meter: a gauge per container of the bytes its objects use
 * ({@code bytes} of the account listing), as Ceilometer's {@code ContainersSizePollster}.
 *
 * <p>Reads the same configuration as {@link ObjectsPollster}, which declares it for the metatype.
 */
@Component(service = Pollster.class, configurationPid = SwiftPollsterConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@PollsterService(meter = ContainersSizePollster.METER)
public final class ContainersSizePollster extends AbstractContainerPollster {
    public static final String METER = "storage.containers.objects.size";

    @Activate
    public ContainersSizePollster(SwiftPollsterConfig config) {
        super(config);
    }

    @Override
    String meter() {
        return METER;
    }

    @Override
    String unit() {
        return "B";
    }

    @Override
    Long volume(ContainerStats v) {
        return v.bytes();
    }
}
