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
 * The {@code radosgw.containers.objects} meter: a gauge of the objects of each bucket ({@code num_objects}), as Ceilometer's {@code ContainersObjectsPollster}; resource
 * {@code <project>/<bucket>}, project the project. As there, one sample per usage category of a bucket
 * ({@code rgw.main}, {@code rgw.multimeta}, ...): none for a bucket without usage. A category the
 * answer gave without the value gives no sample.
 */
@Component(service = Pollster.class, configurationPolicy = ConfigurationPolicy.IGNORE)
@PollsterService(meter = ContainersObjectsPollster.METER)
public final class ContainersObjectsPollster extends AbstractBucketPollster {
    public static final String METER = "radosgw.containers.objects";

    @Activate
    public ContainersObjectsPollster(@Reference RgwAdmin admin) {
        super(admin);
    }

    @Override
    void samples(PollContext context, String projectId, BucketStats stats, SampleSink sink) {
        for (BucketStats.Bucket b : stats.buckets()) {
            if (b.numObjects() != null) {
                sink.accept(gauge(context, METER, "object", b.numObjects(), projectId, projectId + "/" + b.name()));
            }
        }
    }
}
