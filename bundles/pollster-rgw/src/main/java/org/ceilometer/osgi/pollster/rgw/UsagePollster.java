package org.ceilometer.osgi.pollster.rgw;

import java.util.List;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.SampleSink;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code radosgw.api.request} meter: a gauge per project of the requests its RGW user made
 * ({@code total.ops} summed over the {@code summary} of {@code GET /admin/usage?uid=<user>}), as
 * Ceilometer's {@code UsagePollster} (entry point {@code radosgw.usage}); resource and project the
 * project.
 */
@Component(service = Pollster.class, configurationPolicy = ConfigurationPolicy.IGNORE)
@PollsterService(meter = UsagePollster.METER)
public final class UsagePollster extends AbstractRgwPollster {
    public static final String METER = "radosgw.api.request";

    @Activate
    public UsagePollster(@Reference RgwAdmin admin) {
        super(admin);
    }

    @Override
    void poll(PollContext context, RgwSettings settings, String endpoint, List<String> projects, SampleSink sink)
            throws Exception {
        AccountResults<Long> usage = RgwAccounts.usage(context, admin, settings, endpoint, projects);
        for (AccountResults.Account<Long> a : usage.accounts()) {
            sink.accept(gauge(context, METER, "request", a.value(), a.projectId(), a.projectId()));
        }
        if (usage.failure() != null) {
            throw usage.failure().toException();
        }
    }
}
