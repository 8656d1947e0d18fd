package org.ceilometer.osgi.pollster.image;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.SampleSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both Glance pollsters share: the {@code endpoint:image} discovery, one listing per endpoint
 * and cycle, and one sample per image. An endpoint whose listing fails does not stop the others; its
 * failure is thrown once they are done.
 */
abstract class AbstractImagePollster implements Pollster {
    /** The discovery of the Glance endpoints, as Juno's image pollsters (one resource per URL). */
    static final String DEFAULT_DISCOVERY = "endpoint:image";

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final int pageSize;

    AbstractImagePollster(ImagePollsterConfig config) {
        this.pageSize = config.glance__page__size();
    }

    @Override
    public String defaultDiscovery() {
        return DEFAULT_DISCOVERY;
    }

    /** The meter name, for logs. */
    abstract String meter();

    /** The sample of one image, or null when the image gives none. */
    abstract Sample sample(ImageRecord image, Instant timestamp);

    @Override
    public void getSamples(PollContext context, List<Resource> resources, SampleSink sink) throws Exception {
        Set<String> endpoints = new LinkedHashSet<>();
        for (Resource r : resources) {
            Object payload = r.payload();
            endpoints.add(GlanceImages.normalize(payload instanceof String ? (String) payload : r.id()));
        }
        Instant timestamp = context.timestamp();
        Exception failure = null;
        for (String endpoint : endpoints) {
            if (context.isCancelled()) {
                break;
            }
            List<ImageRecord> images;
            try {
                images = GlanceImages.list(context, endpoint, pageSize);
            } catch (Exception e) {
                log.debug("{}: listing the images of {} failed: {}", meter(), endpoint, e.toString());
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
                continue;
            }
            int skipped = 0;
            for (ImageRecord image : images) {
                Sample s = sample(image, timestamp);
                if (s == null) {
                    skipped++;
                } else {
                    sink.accept(s);
                }
            }
            log.debug("{}: {} images at {}, {} without sample", meter(), images.size(), endpoint, skipped);
        }
        if (failure != null) {
            throw failure;
        }
    }
}
