package org.ceilometer.osgi.coordination.zookeeper;

import java.util.Hashtable;
import org.ceilometer.osgi.api.PartitionCoordinator;
import org.osgi.service.component.ComponentException;
import org.osgi.service.component.ComponentFactory;
import org.osgi.service.component.ComponentInstance;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads PID {@code ceilometer.coordination} and, when {@code backend_url} is a ZooKeeper URL, creates the
 * {@link ZooKeeperPartitionCoordinator} from its component factory, which registers the
 * {@link PartitionCoordinator} service. Without a configuration, or with an empty {@code backend_url}, no
 * coordinator is registered and the agent polls every resource, as Ceilometer does. A change of the
 * configuration replaces the coordinator (a new member id joins; the old one leaves).
 */
@Component(configurationPid = "ceilometer.coordination", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = CoordinationConfig.class)
public final class CoordinationLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(CoordinationLauncher.class);

    private final ComponentInstance<PartitionCoordinator> coordinator;

    @Activate
    public CoordinationLauncher(CoordinationConfig config,
            @Reference(target = "(component.factory=" + ZooKeeperPartitionCoordinator.FACTORY + ")")
            ComponentFactory<PartitionCoordinator> factory) {
        Settings settings = settingsOrNull(config);
        ComponentInstance<PartitionCoordinator> instance = null;
        if (settings != null) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(ZooKeeperPartitionCoordinator.SETTINGS_PROPERTY, settings);
            properties.put("ceilometer.coordination.backend_url", settings.redactedUrl());
            try {
                instance = factory.newInstance(properties);
            } catch (ComponentException e) {
                LOG.error("[coordination] cannot start the partition coordinator for {}", settings.redactedUrl(), e);
            }
        }
        this.coordinator = instance;
    }

    @Deactivate
    public void deactivate() {
        if (coordinator != null) {
            coordinator.dispose();
        }
    }

    /**
     * The settings, or {@code null} (with one log line saying why) when no coordinator is to run: no
     * {@code backend_url}, another scheme, or a malformed URL.
     */
    static Settings settingsOrNull(CoordinationConfig config) {
        String url = config.backend__url();
        if (url == null || url.isBlank()) {
            LOG.info("[coordination] backend_url is not set: no partition coordinator, this agent polls every resource");
            return null;
        }
        String scheme = Settings.schemeOf(url);
        if (!Settings.isZooKeeperScheme(scheme)) {
            LOG.warn("[coordination] backend_url scheme '{}' is not served by this bundle (zookeeper://, kazoo://):"
                    + " no partition coordinator here", scheme);
            return null;
        }
        try {
            return Settings.of(config);
        } catch (IllegalArgumentException e) {
            LOG.error("[coordination] {}: no partition coordinator, this agent polls every resource", e.getMessage());
            return null;
        }
    }
}
