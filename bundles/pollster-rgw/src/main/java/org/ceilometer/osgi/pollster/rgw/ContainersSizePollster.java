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
 * The {@code radosgw.containers.objects.size} meter: a gauge of the bytes of each bucket ({@code size_kb} times 1024), as Ceilometer's {@code ContainersSizePollster}; resource
 * {@code <project>/<bucket>}, project the project. As there, one sample per usage category of a bucket
 * ({@code rgw.main}, {@code rgw.multimeta}, ...): none for a bucket without usage. A category the
 * answer gave without the value gives no sample.
 */
@Component(service = Pollster.class, configurationPolicy = ConfigurationPolicy.IGNORE)
@PollsterService(meter = ContainersSizePollster.METER)
public final class ContainersSizePollster extends AbstractBucketPollster {
    public static final String METER = "radosgw.containers.objects.size";

    @Activate
    public ContainersSizePollster(@Reference RgwAdmin admin) {
        super(admin);
    }

    @Override
    void samples(PollContext context, String projectId, BucketStats stats, SampleSink sink) {
        for (BucketStats.Bucket b : stats.buckets()) {
            if (b.sizeKb() != null) {
                sink.accept(gauge(context, METER, "B", b.sizeKb() * 1024L, projectId, projectId + "/" + b.name()));
            }
        }
    }
}
