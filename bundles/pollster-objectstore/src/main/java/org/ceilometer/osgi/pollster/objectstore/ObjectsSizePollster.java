package org.ceilometer.osgi.pollster.objectstore;

import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * The {@code storage.objects.size} meter: a gauge per project of the bytes its account uses ({@code
 * X-Account-Bytes-Used}), as Ceilometer's {@code ObjectsSizePollster}.
 *
 * <p>Reads the same configuration as {@link ObjectsPollster}, which declares it for the metatype.
 */
@Component(service = Pollster.class, configurationPid = SwiftPollsterConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@PollsterService(meter = ObjectsSizePollster.METER)
public final class ObjectsSizePollster extends AbstractAccountPollster {
    public static final String METER = "storage.objects.size";

    @Activate
    public ObjectsSizePollster(SwiftPollsterConfig config) {
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
    long volume(AccountStats v) {
        return v.bytes();
    }
}
