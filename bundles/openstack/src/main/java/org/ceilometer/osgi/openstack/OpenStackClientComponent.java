package org.ceilometer.osgi.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Dictionary;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.ceilometer.osgi.api.Namespaces;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.api.openstack.Response;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link OpenStackClient} service, configured by {@code ceilometer.service_credentials}. An edit of
 * the configuration replaces the session underneath without unregistering the service: the cached
 * token is dropped, and the HTTP client is rebuilt only when TLS, timeouts or the pool bound changed.
 * Calls already running finish on the session they started with.
 *
 * <p>The component registers its service itself, with no configuration property on it: DS would
 * otherwise publish {@code password} and the other options as service properties, which every bundle
 * and the shell can read. An edit bumps {@code ceilometer.session.revision}, so that users of the service
 * can tell that the credentials changed.
 */
@Component(service = {}, configurationPid = Namespaces.PID_SERVICE_CREDENTIALS,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = ServiceCredentialsConfig.class)
public class OpenStackClientComponent implements OpenStackClient {
    private static final Logger LOG = LoggerFactory.getLogger(OpenStackClientComponent.class);

    private final SettingsResolver resolver;
    private final Clock clock;
    private final Object swap = new Object();
    private volatile KeystoneSession session;
    private volatile boolean stopped;
    private ServiceRegistration<OpenStackClient> registration;
    private long revision;

    @Activate
    public OpenStackClientComponent(BundleContext context, Map<String, Object> properties) {
        this(properties, System.getenv(), SettingsResolver.defaultCloudsFiles(System.getenv()), Clock.systemUTC());
        synchronized (swap) {
            registration = context.registerService(OpenStackClient.class, this, serviceProperties());
        }
    }

    private Dictionary<String, Object> serviceProperties() {
        return FrameworkUtil.asDictionary(Map.of(REVISION, revision));
    }

    /** The service property that counts configuration edits. */
    public static final String REVISION = "ceilometer.session.revision";

    /** For tests: the environment, the clouds.yaml candidates and the clock are given. */
    OpenStackClientComponent(Map<String, ?> properties, Map<String, String> env, List<Path> cloudsFiles,
            Clock clock) {
        this.resolver = new SettingsResolver(env, cloudsFiles);
        this.clock = clock;
        this.session = build(properties, null);
        log("OpenStack client", session);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        update(properties);
    }

    /** Applies new configuration properties. */
    void update(Map<String, ?> properties) {
        KeystoneSession old;
        KeystoneSession next;
        synchronized (swap) {
            old = session;
            next = build(properties, old);
            session = next;
            revision++;
            if (registration != null) {
                try {
                    registration.setProperties(serviceProperties());
                } catch (IllegalStateException e) {
                    // unregistered meanwhile
                }
            }
        }
        old.retire();
        log("OpenStack client reconfigured", next);
    }

    @Deactivate
    void deactivate() {
        stopped = true;
        synchronized (swap) {
            if (registration != null) {
                try {
                    registration.unregister();
                } catch (IllegalStateException e) {
                    // already gone with the bundle
                }
                registration = null;
            }
            session.retire();
        }
    }

    private KeystoneSession build(Map<String, ?> properties, KeystoneSession previous) {
        Settings settings = null;
        OpenStackException problem = null;
        try {
            settings = resolver.resolve(properties);
        } catch (OpenStackException e) {
            problem = e;
        }
        return KeystoneSession.create(settings, problem, previous, clock);
    }

    private static void log(String what, KeystoneSession s) {
        OpenStackException p = s.problem();
        if (p == null) {
            LOG.info("{}: {}", what, s.settings().describe());
        } else if (s.settings() != null && !s.settings().isComplete()) {
            // usual for a moment at start: FileInstall brings config/*.cfg after the components start;
            // pollsters that need OpenStack report the missing settings in their errors
            LOG.info("{}: not configured yet: {}", what, s.safe(p.getMessage()));
        } else {
            LOG.error("{}: configuration error: {}", what, s.safe(p.getMessage()));
        }
    }

    /** The session now in use (tests). */
    KeystoneSession session() {
        return session;
    }

    @FunctionalInterface
    private interface Call<T> {
        T call(KeystoneSession s) throws OpenStackException;
    }

    /** Runs a call on the current session, counted in so that a swap waits for it before closing. */
    private <T> T use(Call<T> call) throws OpenStackException {
        KeystoneSession s;
        while (true) {
            if (stopped) {
                throw new OpenStackException("the OpenStack client is stopped", -1);
            }
            s = session;
            if (s.enter()) {
                break;
            }
        }
        try {
            return call.call(s);
        } finally {
            s.exit();
        }
    }

    @Override
    public boolean isConfigured() {
        return session.isConfigured();
    }

    @Override
    public String describe() {
        return session.describe();
    }

    @Override
    public String toString() {
        return "OpenStackClient(" + describe() + ")";
    }

    @Override
    public List<String> endpoints(String serviceType) throws OpenStackException {
        return use(s -> s.endpoints(serviceType));
    }

    @Override
    public String endpoint(String serviceType) throws OpenStackException {
        return use(s -> s.endpoint(serviceType));
    }

    @Override
    public String projectId() throws OpenStackException {
        return use(KeystoneSession::projectId);
    }

    @Override
    public JsonNode getJson(String url, Map<String, String> headers) throws OpenStackException {
        return use(s -> s.getJson(url, headers));
    }

    @Override
    public Response request(String method, String url, Map<String, String> headers, byte[] body)
            throws OpenStackException {
        return use(s -> s.request(method, url, headers, body));
    }

    @Override
    public void paginate(String url, String itemsKey, Map<String, String> headers, Consumer<JsonNode> item)
            throws OpenStackException {
        use(s -> {
            s.paginate(url, itemsKey, headers, item);
            return null;
        });
    }

    @Override
    public void paginateByMarker(String url, String itemsKey, String markerField, int limit,
            Map<String, String> headers, Consumer<JsonNode> item) throws OpenStackException {
        use(s -> {
            s.paginateByMarker(url, itemsKey, markerField, limit, headers, item);
            return null;
        });
    }
}
