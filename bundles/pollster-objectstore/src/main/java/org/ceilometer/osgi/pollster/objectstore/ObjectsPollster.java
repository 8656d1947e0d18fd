package org.ceilometer.osgi.pollster.objectstore;

import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@code storage.objects} meter: a gauge per project of the objects in its account ({@code
 * X-Account-Object-Count}), as Ceilometer's {@code ObjectsPollster}.
 */
@Component(service = Pollster.class, configurationPid = SwiftPollsterConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@PollsterService(meter = ObjectsPollster.METER)
@Designate(ocd = SwiftPollsterConfig.class)
public final class ObjectsPollster extends AbstractAccountPollster {
    public static final String METER = "storage.objects";

    @Activate
    public ObjectsPollster(SwiftPollsterConfig config) {
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
    long volume(AccountStats v) {
        return v.objects();
    }
}
