package org.ceilometer.osgi.pollster.share;

import java.time.Instant;
import java.util.List;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.SampleSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both share meters share: the {@code manila_shares} discovery, one gauge per share with the share's
 * user ({@code user_id}, null before microversion 2.16), project and id, and Ceilometer's metadata. Other
 * payloads (a static resource of a source) are left out.
 */
abstract class AbstractSharePollster implements Pollster {
    private final Logger log = LoggerFactory.getLogger(getClass());

    @Override
    public String defaultDiscovery() {
        return ShareDiscovery.NAME;
    }

    abstract String meter();

    abstract String unit();

    /** The volume of a share's sample. */
    abstract Number volume(ShareRecord share);

    @Override
    public void getSamples(PollContext context, List<Resource> resources, SampleSink sink) {
        Instant timestamp = context.timestamp();
        int foreign = 0;
        int sampled = 0;
        for (Resource r : resources) {
            if (!(r.payload() instanceof ShareRecord)) {
                foreign++;
                continue;
            }
            ShareRecord share = (ShareRecord) r.payload();
            sink.accept(Sample.builder().name(meter()).type(MeterType.GAUGE).unit(unit()).volume(volume(share))
                    .userId(share.userId).projectId(share.projectId).resourceId(share.id).timestamp(timestamp)
                    .resourceMetadata(share.metadata()).build());
            sampled++;
        }
        log.debug("{}: {} samples, {} resources of another kind", meter(), sampled, foreign);
    }
}
