package org.ceilometer.osgi.pollster.objectstore;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.SampleSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two meters of an account's container listing: one gauge per container, whose resource is
 * {@code <project>/<container>}, project the project, user none, and metadata {@code storage_policy}
 * (null when Swift does not tell it).
 */
abstract class AbstractContainerPollster extends AbstractSwiftPollster {
    /** The metadata keys of Ceilometer's {@code _ContainersBase.FIELDS}. */
    static final String STORAGE_POLICY = "storage_policy";

    private final Logger log = LoggerFactory.getLogger(getClass());

    AbstractContainerPollster(SwiftPollsterConfig config) {
        super(config);
    }

    abstract String meter();

    abstract String unit();

    /** The volume of a container, or null when the listing did not give it. */
    abstract Long volume(ContainerStats container);

    @Override
    final void poll(PollContext context, String endpoint, List<String> projects, SampleSink sink) throws Exception {
        AccountResults<List<ContainerStats>> listings =
                SwiftAccounts.listings(context, endpoint, resellerPrefix, pageSize, projects);
        Instant timestamp = context.timestamp();
        int skipped = 0;
        for (AccountResults.Account<List<ContainerStats>> a : listings.accounts()) {
            for (ContainerStats c : a.value()) {
                Long volume = volume(c);
                if (volume == null) {
                    skipped++;
                    continue;
                }
                Map<String, Object> metadata = new HashMap<>(1);
                metadata.put(STORAGE_POLICY, c.storagePolicy());
                sink.accept(Sample.builder()
                        .name(meter())
                        .type(MeterType.GAUGE)
                        .unit(unit())
                        .volume(volume)
                        .userId(null)
                        .projectId(a.projectId())
                        .resourceId(a.projectId() + "/" + c.name())
                        .timestamp(timestamp)
                        .resourceMetadata(metadata)
                        .build());
            }
        }
        if (skipped > 0) {
            log.debug("{}: {} containers listed without a value, no sample for them", meter(), skipped);
        }
        if (listings.failure() != null) {
            throw listings.failure().toException();
        }
    }
}
