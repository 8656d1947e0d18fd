package org.ceilometer.osgi.pollster.objectstore;

import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * The {@code storage.objects.containers} meter: a gauge per project of the containers in its account
 * ({@code X-Account-Container-Count}), as Ceilometer's {@code ObjectsContainersPollster}.
 *
 * <p>Reads the same configuration as {@link ObjectsPollster}, which declares it for the metatype.
 */
@Component(service = Pollster.class, configurationPid = SwiftPollsterConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@PollsterService(meter = ObjectsContainersPollster.METER)
public final class ObjectsContainersPollster extends AbstractAccountPollster {
    public static final String METER = "storage.objects.containers";

    @Activate
    public ObjectsContainersPollster(SwiftPollsterConfig config) {
        super(config);
    }

    @Override
    String meter() {
        return METER;
    }

    @Override
    String unit() {
        return "container";
    }

    @Override
    long volume(AccountStats v) {
        return v.containers();
    }
}
