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
 * The {@code radosgw.objects.containers} meter: a gauge per project of the project's buckets ({@code num_buckets}; its unit is {@code object}, as Ceilometer's),
 * as Ceilometer's {@code ObjectsContainersPollster}; resource and project the project.
 */
@Component(service = Pollster.class, configurationPolicy = ConfigurationPolicy.IGNORE)
@PollsterService(meter = ObjectsContainersPollster.METER)
public final class ObjectsContainersPollster extends AbstractBucketPollster {
    public static final String METER = "radosgw.objects.containers";

    @Activate
    public ObjectsContainersPollster(@Reference RgwAdmin admin) {
        super(admin);
    }

    @Override
    void samples(PollContext context, String projectId, BucketStats stats, SampleSink sink) {
        sink.accept(gauge(context, METER, "object", stats.numBuckets(), projectId, projectId));
    }
}
