package org.ceilometer.osgi.simulator.component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.function.Function;
import org.ceilometer.osgi.api.Namespaces;
import org.ceilometer.osgi.simulator.Simulator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo runtime's cloud. When the framework property {@code ceilometer.demo} is {@code true}, starts
 * a simulator (settings from the optional configuration {@code ceilometer.simulator.demo}, a free
 * port by default) and, unless the operator configured credentials some other way, points
 * {@code ceilometer.service_credentials} at it.
 *
 * <p>Credentials are left alone when {@code ${ceilometer.home}/config/ceilometer.service_credentials.cfg}
 * exists, when {@code OS_AUTH_URL} or {@code OS_CLOUD} is set, or when ConfigAdmin already holds that
 * configuration and this component did not write it. A configuration it wrote (marked with
 * {@code ceilometer.simulator.demo=true}) is rewritten at the next start, since the port changes,
 * and deleted when the component stops.
 */
@Component(configurationPid = DemoSimulatorComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {})
@Designate(ocd = SimulatorConfig.class)
public final class DemoSimulatorComponent {
    public static final String PID = "ceilometer.simulator.demo";
    /** The framework property that switches the demo on. */
    public static final String DEMO_PROPERTY = "ceilometer.demo";
    /** The framework or system property of the home folder (the working directory by default). */
    public static final String HOME_PROPERTY = "ceilometer.home";
    /** The property that marks the credentials configuration as written by this component. */
    public static final String MARKER = "ceilometer.simulator.demo";

    private static final Logger LOG = LoggerFactory.getLogger(DemoSimulatorComponent.class);
    private static final String CREDENTIALS_PID = Namespaces.PID_SERVICE_CREDENTIALS;

    private final ConfigurationAdmin configAdmin;
    private final Simulator simulator;
    private final boolean wroteCredentials;

    @Activate
    public DemoSimulatorComponent(BundleContext context, @Reference ConfigurationAdmin configAdmin,
            SimulatorConfig config) throws IOException {
        this(context::getProperty, System::getenv, configAdmin, config);
    }

    /**
     * @param property framework properties (falling back to system properties)
     * @param env the environment
     */
    DemoSimulatorComponent(Function<String, String> property, Function<String, String> env,
            ConfigurationAdmin configAdmin, SimulatorConfig config) throws IOException {
        this.configAdmin = configAdmin;
        if (!"true".equalsIgnoreCase(trim(property.apply(DEMO_PROPERTY)))) {
            LOG.debug("{} is not true: no demo simulator", DEMO_PROPERTY);
            this.simulator = null;
            this.wroteCredentials = false;
            return;
        }
        this.simulator = SimulatorComponent.start(config);
        boolean wrote = false;
        try {
            String reason = reasonToKeep(property, env);
            if (reason == null) {
                writeCredentials();
                wrote = true;
                LOG.info("Demo: OpenStack simulator at {}; configuration {} created to point at it",
                        simulator.authUrl(), CREDENTIALS_PID);
            } else {
                LOG.info("Demo: OpenStack simulator at {}; configuration {} left as it is ({})",
                        simulator.authUrl(), CREDENTIALS_PID, reason);
            }
        } catch (IOException | RuntimeException e) {
            simulator.close();
            throw e;
        }
        this.wroteCredentials = wrote;
    }

    /** Why the operator's credentials win, or null when the simulator's may be written. */
    private String reasonToKeep(Function<String, String> property, Function<String, String> env)
            throws IOException {
        String home = trim(property.apply(HOME_PROPERTY));
        Path homeDir = home == null ? Paths.get(System.getProperty("user.dir")) : Paths.get(home);
        Path file = homeDir.resolve("config").resolve(CREDENTIALS_PID + ".cfg");
        if (Files.exists(file)) {
            return file + " exists";
        }
        Path conf = homeDir.resolve("config").resolve("ceilometer.conf");
        if (Files.isRegularFile(conf) && Files.readAllLines(conf, java.nio.charset.StandardCharsets.UTF_8).stream()
                .anyMatch(l -> l.trim().equals("[service_credentials]"))) {
            return conf + " has [service_credentials]";
        }
        for (String variable : new String[] {"OS_AUTH_URL", "OS_CLOUD"}) {
            if (trim(env.apply(variable)) != null) {
                return variable + " is set";
            }
        }
        Configuration existing = existingCredentials();
        if (existing != null && !isOurs(existing.getProperties())) {
            return "it exists already";
        }
        return null;
    }

    private Configuration existingCredentials() throws IOException {
        try {
            Configuration[] found = configAdmin.listConfigurations("(service.pid=" + CREDENTIALS_PID + ")");
            return found == null || found.length == 0 ? null : found[0];
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isOurs(Dictionary<String, Object> props) {
        return props != null && "true".equals(String.valueOf(props.get(MARKER)));
    }

    private void writeCredentials() throws IOException {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("auth_url", simulator.authUrl());
        props.put("username", simulator.username());
        props.put("password", simulator.password());
        props.put("project_name", simulator.projectName());
        props.put("user_domain_name", simulator.userDomainName());
        props.put("project_domain_name", simulator.projectDomainName());
        props.put("region_name", simulator.regionName());
        props.put("interface", "public");
        props.put(MARKER, "true");
        // "?" leaves the configuration unbound, so that the openstack bundle's component receives it
        configAdmin.getConfiguration(CREDENTIALS_PID, "?").update(props);
    }

    /** The simulator, or null when the demo is off. */
    Simulator simulator() {
        return simulator;
    }

    @Deactivate
    void deactivate() {
        if (simulator == null) {
            return;
        }
        if (wroteCredentials) {
            try {
                Configuration c = existingCredentials();
                if (c != null && isOurs(c.getProperties())
                        && simulator.authUrl().equals(String.valueOf(c.getProperties().get("auth_url")))) {
                    c.delete();
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Demo: could not remove configuration {}: {}", CREDENTIALS_PID, e.toString());
            }
        }
        simulator.close();
        LOG.info("Demo: OpenStack simulator stopped");
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }
}
