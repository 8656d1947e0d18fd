package org.ceilometer.osgi.pollster.network;

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
 * What the Neutron pollsters share: one gauge sample per resource their discovery found, with the
 * resource's Neutron id, its project, and Ceilometer's metadata. The volume is either the status code
 * ({@link NeutronStatus}; -1 for an unknown status, which still gives a sample, as in master) or 1.
 * Resources that are not Neutron records of this pollster's kind (a source's static resources, another
 * discovery's) are skipped with one warning per run.
 */
abstract class AbstractNeutronPollster implements Pollster {
    private final Logger log = LoggerFactory.getLogger(getClass());

    /** The meter name. */
    abstract String meter();

    abstract String unit();

    abstract NeutronKind kind();

    /** Whether the volume is the status code (else 1). */
    abstract boolean statusVolume();

    /** The sample's user: none, but for floating IPs. */
    String userId(NeutronRecord record) {
        return null;
    }

    @Override
    public void getSamples(PollContext context, List<Resource> resources, SampleSink sink) {
        Instant timestamp = context.timestamp();
        int skipped = 0;
        String firstSkipped = null;
        int unknown = 0;
        NeutronRecord firstUnknown = null;
        for (Resource resource : resources) {
            if (!(resource.payload() instanceof NeutronRecord r) || r.kind != kind()) {
                if (skipped++ == 0) {
                    firstSkipped = resource.id();
                }
                continue;
            }
            long volume = 1;
            if (statusVolume()) {
                volume = NeutronStatus.code(r.status);
                if (volume == NeutronStatus.UNKNOWN) {
                    if (unknown++ == 0) {
                        firstUnknown = r;
                    }
                    log.debug("{}: unknown status {} for {} {} ({}), volume -1", meter(), r.status, kind().label,
                            r.name, r.id);
                }
            }
            sink.accept(Sample.builder()
                    .name(meter())
                    .type(MeterType.GAUGE)
                    .unit(unit())
                    .volume(volume)
                    .userId(userId(r))
                    .projectId(r.projectId)
                    .resourceId(r.id)
                    .timestamp(timestamp)
                    .resourceMetadata(r.metadata())
                    .build());
        }
        if (unknown > 0) {
            log.warn("{}: {} {}(s) with an unknown status, volume set to -1 (first: status {} for {} ({}))",
                    meter(), unknown, kind().label, firstUnknown.status, firstUnknown.name, firstUnknown.id);
        }
        if (skipped > 0) {
            log.warn("{}: {} resource(s) are not {}s from the {} discovery and were skipped (first: {})", meter(),
                    skipped, kind().label, defaultDiscovery(), firstSkipped);
        }
    }
}
