package org.ceilometer.osgi.pollster.energy;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.SampleSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both Kwapi pollsters share: the {@code endpoint:energy} discovery, one probes listing per
 * endpoint and cycle, and one sample per probe, resource the probe, no user or project, empty
 * metadata, timestamped with the probe's own reading time. An endpoint whose listing fails does not
 * stop the others; its failure is thrown once they are done.
 */
abstract class AbstractKwapiPollster implements Pollster {
    /** Ceilometer's {@code default_discovery}: {@code endpoint:<[service_types] kwapi>}. */
    static final String DEFAULT_DISCOVERY = "endpoint:energy";

    private final Logger log = LoggerFactory.getLogger(getClass());

    @Override
    public String defaultDiscovery() {
        return DEFAULT_DISCOVERY;
    }

    abstract String meter();

    abstract MeterType type();

    abstract String unit();

    /** The probe's value for this meter, or null when Kwapi gave none. */
    abstract Number volume(ProbeRecord probe);

    @Override
    public void getSamples(PollContext context, List<Resource> resources, SampleSink sink) throws Exception {
        Set<String> endpoints = new LinkedHashSet<>();
        for (Resource r : resources) {
            Object payload = r.payload();
            endpoints.add(KwapiProbes.normalize(payload instanceof String ? (String) payload : r.id()));
        }
        Exception failure = null;
        for (String endpoint : endpoints) {
            if (context.isCancelled()) {
                break;
            }
            List<ProbeRecord> probes;
            try {
                probes = KwapiProbes.list(context, endpoint);
            } catch (Exception e) {
                log.debug("{}: reading the probes of {} failed: {}", meter(), endpoint, e.toString());
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
                continue;
            }
            int skipped = 0;
            for (ProbeRecord probe : probes) {
                Number volume = volume(probe);
                if (volume == null) {
                    skipped++;
                    continue;
                }
                Instant at = probe.timestamp() == null ? context.timestamp() : probe.timestamp();
                sink.accept(Sample.builder()
                        .name(meter())
                        .type(type())
                        .unit(unit())
                        .volume(volume)
                        .userId(null)
                        .projectId(null)
                        .resourceId(probe.id())
                        .timestamp(at)
                        .resourceMetadata(Map.of())
                        .build());
            }
            log.debug("{}: {} probes at {}, {} without a value", meter(), probes.size(), endpoint, skipped);
        }
        if (failure != null) {
            throw failure;
        }
    }
}
