package org.ceilometer.osgi.pollster.rgw;

import java.time.Clock;
import java.util.Hashtable;
import java.util.Map;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RgwAdmin} service the six RGW pollsters use, configured by {@code ceilometer.service_types}
 * ({@code radosgw}), {@code ceilometer.rgw_client} and {@code ceilometer.rgw_admin_credentials}.
 *
 * <p>DS would copy every configuration property, {@code secret_key} included, onto a service it
 * registers. This component therefore registers no service through DS: it registers its service itself,
 * with no property but the object class. An edit of any of the three configurations replaces the client
 * underneath without unregistering; requests already running finish on the client they started with.
 * The options are described for the metatype by {@link RgwOptions}.
 */
@Component(service = {}, immediate = true, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        configurationPid = {RgwSettings.PID_SERVICE_TYPES, RgwSettings.PID_CLIENT, RgwSettings.PID_CREDENTIALS})
public final class RgwAdminComponent implements RgwAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(RgwAdminComponent.class);

    private final Clock clock;
    private final Object swap = new Object();
    private volatile RgwAdminClient client;
    private ServiceRegistration<RgwAdmin> registration;

    @Activate
    public RgwAdminComponent(BundleContext context, Map<String, Object> properties) {
        this(properties, Clock.systemUTC());
        registration = context.registerService(RgwAdmin.class, this, new Hashtable<>());
    }

    /** A component that registers nothing: for tests. */
    RgwAdminComponent(Map<String, Object> properties, Clock clock) {
        this.clock = clock;
        this.client = build(properties);
    }

    private RgwAdminClient build(Map<String, Object> properties) {
        RgwSettings s = RgwSettings.of(properties);
        for (String problem : s.problems()) {
            LOG.warn("RGW pollsters: {}", problem);
        }
        LOG.debug("RGW pollsters configured: {}", s);
        return new RgwAdminClient(s, clock);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        RgwAdminClient next = build(properties);
        RgwAdminClient old;
        synchronized (swap) {
            old = client;
            client = next;
        }
        old.release();
        LOG.info("RGW pollsters: configuration changed");
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
            registration = null;
        }
        client.release();
    }

    /** The client in force, with a reference taken; the caller releases it. */
    private RgwAdminClient acquire() throws OpenStackException {
        while (true) {
            RgwAdminClient c = client;
            if (c.retain()) {
                return c;
            }
            if (c == client) {
                throw new OpenStackException("the RGW admin client has stopped", -1);
            }
            // replaced in the meantime: take the new one
        }
    }

    @Override
    public RgwSettings settings() {
        return client.settings();
    }

    @Override
    public <T> T get(String url, BodyReader<T> reader) throws OpenStackException {
        RgwAdminClient c = acquire();
        try {
            return c.get(url, reader);
        } finally {
            c.release();
        }
    }

    @Override
    public String toString() {
        return "RgwAdminComponent[" + client.settings() + "]";
    }
}
