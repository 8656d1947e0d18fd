package org.ceilometer.osgi.pollster.objectstore;

import java.util.List;
import java.util.Optional;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.SampleSink;

/**
 * What the Swift pollsters share: the {@code tenant} discovery (one resource per Keystone project,
 * its id the project id), the settings, and the endpoint, without which they give no sample.
 */
abstract class AbstractSwiftPollster implements Pollster {
    /** Ceilometer's {@code default_discovery} of the Swift pollsters. */
    static final String DEFAULT_DISCOVERY = "tenant";

    final String resellerPrefix;
    final int pageSize;

    AbstractSwiftPollster(SwiftPollsterConfig config) {
        String prefix = config.reseller__prefix();
        this.resellerPrefix = prefix == null ? SwiftAccounts.DEFAULT_RESELLER_PREFIX : prefix.trim();
        int size = config.container__page__size();
        this.pageSize = size > 0 ? size : SwiftAccounts.DEFAULT_PAGE_SIZE;
    }

    @Override
    public String defaultDiscovery() {
        return DEFAULT_DISCOVERY;
    }

    @Override
    public final void getSamples(PollContext context, List<Resource> resources, SampleSink sink) throws Exception {
        List<String> projects = SwiftAccounts.projectIds(resources);
        if (projects.isEmpty() || context.isCancelled()) {
            return;
        }
        Optional<String> endpoint = SwiftAccounts.endpoint(context);
        if (endpoint.isPresent()) {
            poll(context, endpoint.get(), projects, sink);
        }
    }

    /** Polls the accounts of the projects at the endpoint. */
    abstract void poll(PollContext context, String endpoint, List<String> projects, SampleSink sink) throws Exception;
}
