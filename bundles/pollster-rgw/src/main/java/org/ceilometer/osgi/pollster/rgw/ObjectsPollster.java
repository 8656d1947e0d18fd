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
 * The {@code radosgw.objects} meter: a gauge per project of the objects of the project's buckets ({@code num_objects} summed over every bucket and usage category),
 * as Ceilometer's {@code ObjectsPollster}; resource and project the project.
 */
@Component(service = Pollster.class, configurationPolicy = ConfigurationPolicy.IGNORE)
@PollsterService(meter = ObjectsPollster.METER)
public final class ObjectsPollster extends AbstractBucketPollster {
    public static final String METER = "radosgw.objects";

    @Activate
    public ObjectsPollster(@Reference RgwAdmin admin) {
        super(admin);
    }

    @Override
    void samples(PollContext context, String projectId, BucketStats stats, SampleSink sink) {
        sink.accept(gauge(context, METER, "object", stats.numObjects(), projectId, projectId));
    }
}
