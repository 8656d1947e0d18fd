package org.ceilometer.osgi.pollster.rgw;

import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.SampleSink;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code radosgw.objects.size} meter: a gauge per project of the bytes of the project's buckets ({@code size_kb} summed, times 1024),
 * as Ceilometer's {@code ObjectsSizePollster}; resource and project the project.
 */
@Component(service = Pollster.class, configurationPolicy = ConfigurationPolicy.IGNORE)
@PollsterService(meter = ObjectsSizePollster.METER)
public final class ObjectsSizePollster extends AbstractBucketPollster {
    public static final String METER = "radosgw.objects.size";

    @Activate
    public ObjectsSizePollster(@Reference RgwAdmin admin) {
        super(admin);
    }

    @Override
    void samples(PollContext context, String projectId, BucketStats stats, SampleSink sink) {
        sink.accept(gauge(context, METER, "B", stats.sizeKb() * 1024L, projectId, projectId));
    }
}
