package org.ceilometer.osgi.pollster.rgw;

import java.util.List;
import java.util.Optional;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.SampleSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the RGW pollsters share: the {@code tenant} discovery (one resource per Keystone project, its
 * id the project id), the admin client, and the checks without which they give no sample (an
 * endpoint, credentials). Every sample is a gauge whose user is none and metadata empty (Ceilometer's
 * {@code resource_metadata=None}), timestamped {@link PollContext#timestamp()}.
 */
abstract class AbstractRgwPollster implements Pollster {
    /** Ceilometer's {@code default_discovery} of the RGW pollsters. */
    static final String DEFAULT_DISCOVERY = "tenant";

    private static final Logger LOG = LoggerFactory.getLogger(AbstractRgwPollster.class);

    final RgwAdmin admin;

    AbstractRgwPollster(RgwAdmin admin) {
        this.admin = admin;
    }

    @Override
    public String defaultDiscovery() {
        return DEFAULT_DISCOVERY;
    }

    @Override
    public final void getSamples(PollContext context, List<Resource> resources, SampleSink sink) throws Exception {
        List<String> projects = RgwAccounts.projectIds(resources);
        if (projects.isEmpty() || context.isCancelled()) {
            return;
        }
        RgwSettings settings = admin.settings();
        Optional<String> endpoint = RgwAccounts.endpoint(context, settings);
        if (endpoint.isEmpty()) {
            return;
        }
        if (!settings.hasCredentials()) {
            context.cache().computeIfAbsent(RgwAccounts.CREDENTIALS_KEY, () -> {
                LOG.warn("RGW admin credentials not configured ([rgw_admin_credentials] access_key and "
                        + "secret_key); the radosgw meters give no samples this cycle");
                return Boolean.TRUE;
            });
            return;
        }
        poll(context, settings, endpoint.get(), projects, sink);
    }

    /** Polls the projects' users at the admin endpoint. */
    abstract void poll(PollContext context, RgwSettings settings, String endpoint, List<String> projects,
            SampleSink sink) throws Exception;

    /** A gauge of the meter with no user and empty metadata. */
    static Sample gauge(PollContext context, String meter, String unit, long volume, String projectId,
            String resourceId) {
        return Sample.builder()
                .name(meter)
                .type(MeterType.GAUGE)
                .unit(unit)
                .volume(volume)
                .userId(null)
                .projectId(projectId)
                .resourceId(resourceId)
                .timestamp(context.timestamp())
                .resourceMetadata(null)
                .build();
    }
}
