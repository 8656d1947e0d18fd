package org.ceilometer.osgi.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.Transformer;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running (source, sink) pair: its own transformer instances, in order, and the sink's publisher
 * channels. A pipeline whose transformers cannot be made (factory missing, parameters refused) is
 * inactive: it counts what it drops and says why.
 */
final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    /** The transformers of a pipeline and the factory services they came from. */
    record Chain(List<Transformer> transformers, Set<ServiceReference<?>> origins) {}

    final PipelineDefinitions.PipelineDef def;
    final List<PublisherChannel> channels;
    final AtomicLong in = new AtomicLong();
    final AtomicLong out = new AtomicLong();
    final AtomicLong transformerErrors = new AtomicLong();
    final AtomicLong droppedInactive = new AtomicLong();

    // guarded by this
    private Chain chain;
    private String problem;
    private boolean warnedError;
    private boolean warnedInactive;

    Pipeline(PipelineDefinitions.PipelineDef def, List<PublisherChannel> channels) {
        this.def = def;
        this.channels = List.copyOf(channels);
    }

    String name() {
        return def.name();
    }

    boolean matches(String meter) {
        return def.source().meters().matches(meter);
    }

    synchronized void setChain(Chain c, String why) {
        this.chain = c;
        this.problem = c == null ? why : null;
        this.warnedInactive = false;
    }

    synchronized Chain chain() {
        return chain;
    }

    /** Why the pipeline is inactive, or null. */
    synchronized String problem() {
        return problem;
    }

    synchronized boolean usesFactory(ServiceReference<?> ref) {
        return chain != null && chain.origins().contains(ref);
    }

    /** Runs samples through the transformers; returns what comes out for the publishers. */
    synchronized List<Sample> process(List<Sample> samples) {
        in.addAndGet(samples.size());
        if (chain == null) {
            droppedInactive.addAndGet(samples.size());
            if (!warnedInactive) {
                warnedInactive = true;
                LOG.warn("pipeline {}: inactive, its samples are dropped: {}", name(), problem);
            }
            return List.of();
        }
        List<Sample> result = transform(0, samples);
        out.addAndGet(result.size());
        return result;
    }

    /** The end of a cycle: what each transformer holds, through the transformers after it. */
    synchronized List<Sample> flush() {
        if (chain == null || chain.transformers().isEmpty()) {
            return List.of();
        }
        List<Sample> result = new ArrayList<>();
        List<Transformer> ts = chain.transformers();
        for (int i = 0; i < ts.size(); i++) {
            List<Sample> flushed;
            try {
                flushed = ts.get(i).flush();
            } catch (Exception | LinkageError e) {
                transformerErrors.incrementAndGet();
                LOG.warn("pipeline {}: error flushing transformer {}: {}", name(),
                        def.sink().transformers().get(i).name(), e.toString());
                continue;
            }
            if (flushed != null && !flushed.isEmpty()) {
                result.addAll(transform(i + 1, flushed));
            }
        }
        out.addAndGet(result.size());
        return result;
    }

    private List<Sample> transform(int start, List<Sample> samples) {
        List<Transformer> ts = chain.transformers();
        if (start >= ts.size()) {
            return samples;
        }
        List<Sample> result = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            Sample current = s;
            for (int i = start; i < ts.size() && current != null; i++) {
                try {
                    current = ts.get(i).handleSample(current);
                } catch (Exception | LinkageError e) {
                    transformerErrors.incrementAndGet();
                    String msg = "pipeline " + name() + ": transformer " + def.sink().transformers().get(i).name()
                            + " failed on " + current + ", the sample is dropped for this pipeline: " + e;
                    if (!warnedError) {
                        warnedError = true;
                        LOG.warn("{} (later errors are counted, see ceilometer:pipelines)", msg);
                    } else {
                        LOG.debug(msg);
                    }
                    current = null;
                }
            }
            if (current != null) {
                result.add(current);
            }
        }
        return result;
    }
}
