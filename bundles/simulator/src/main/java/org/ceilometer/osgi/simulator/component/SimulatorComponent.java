package org.ceilometer.osgi.simulator.component;

import java.io.IOException;
import java.time.Duration;
import org.ceilometer.osgi.simulator.Simulator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a simulator while the configuration {@code ceilometer.simulator} exists; a change of it
 * restarts the simulator with the new settings.
 */
@Component(configurationPid = SimulatorComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = SimulatorConfig.class)
public final class SimulatorComponent {
    public static final String PID = "ceilometer.simulator";
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorComponent.class);

    private final Simulator simulator;

    @Activate
    public SimulatorComponent(SimulatorConfig config) throws IOException {
        this.simulator = start(config);
        LOG.info("OpenStack simulator started: auth_url {} ({} projects, {} images, seed {})",
                simulator.authUrl(), config.projects(), config.images(), config.seed());
    }

    /** Starts a simulator with a configuration's settings. */
    static Simulator start(SimulatorConfig config) throws IOException {
        return Simulator.builder()
                .port(config.port())
                .seed(config.seed())
                .projects(config.projects())
                .images(config.images())
                .volumes(config.volumes())
                .volumeSnapshots(config.volume__snapshots())
                .volumeBackups(config.volume__backups())
                .volumePools(config.volume__pools())
                .volumeServicesDown(config.volume__services__down())
                .shares(config.shares())
                .swiftContainers(config.swift__containers())
                .kwapiProbes(config.kwapi__probes())
                .rgwBuckets(config.rgw__buckets())
                .rgwImplicitTenants(config.rgw__implicit__tenants())
                .floatingIps(config.floating__ips())
                .vpnServices(config.vpn__services())
                .ipsecConnections(config.ipsec__connections())
                .firewallGroups(config.firewall__groups())
                .firewallPolicies(config.firewall__policies())
                .loadBalancers(config.load__balancers())
                .dnsZones(config.dns__zones())
                .tokenTtl(Duration.ofSeconds(config.token__ttl()))
                .maxConnections(config.max__connections())
                .start();
    }

    Simulator simulator() {
        return simulator;
    }

    @Deactivate
    void deactivate() {
        simulator.close();
        LOG.info("OpenStack simulator stopped: {}", simulator.baseUrl());
    }
}
