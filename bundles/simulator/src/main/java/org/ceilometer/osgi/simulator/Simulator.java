package org.ceilometer.osgi.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ExceptionListener;
import org.apache.hc.core5.http.HttpConnection;
import org.apache.hc.core5.http.impl.DefaultConnectionReuseStrategy;
import org.apache.hc.core5.http.impl.bootstrap.HttpServer;
import org.apache.hc.core5.http.impl.bootstrap.ServerBootstrap;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.io.CloseMode;
import org.ceilometer.osgi.simulator.core.ServiceContext;
import org.ceilometer.osgi.simulator.core.ServiceHandler;
import org.ceilometer.osgi.simulator.core.TokenStore;
import org.ceilometer.osgi.simulator.glance.GlanceService;
import org.ceilometer.osgi.simulator.cinder.CinderData;
import org.ceilometer.osgi.simulator.cinder.CinderService;
import org.ceilometer.osgi.simulator.manila.ManilaData;
import org.ceilometer.osgi.simulator.manila.ManilaService;
import org.ceilometer.osgi.simulator.keystone.KeystoneService;
import org.ceilometer.osgi.simulator.kwapi.KwapiProbes;
import org.ceilometer.osgi.simulator.kwapi.KwapiService;
import org.ceilometer.osgi.simulator.rgw.RgwData;
import org.ceilometer.osgi.simulator.rgw.RgwService;
import org.ceilometer.osgi.simulator.swift.SwiftAccounts;
import org.ceilometer.osgi.simulator.swift.SwiftService;
import org.ceilometer.osgi.simulator.designate.DesignateService;
import org.ceilometer.osgi.simulator.neutron.NeutronService;
import org.ceilometer.osgi.simulator.octavia.OctaviaService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenStack cloud on 127.0.0.1 for tests, the demo and benchmarks: Keystone v3 and Glance v2
 * (more services to come), over seeded data, with faults on demand.
 *
 * <pre>{@code
 * try (Simulator sim = Simulator.builder().seed(42).projects(10).images(1000).start()) {
 *     String authUrl = sim.authUrl();              // http://127.0.0.1:<port>/identity/v3
 *     SimImage first = sim.data().image(0);        // what Glance lists first
 *     sim.faults().failNext("/image", 1);          // the next Glance request answers 500
 * }
 * }</pre>
 *
 * <p>Every service answers under its own path prefix per catalog interface: {@code /identity},
 * {@code /identity-internal}, {@code /identity-admin}, {@code /image}, {@code /image-internal},
 * {@code /image-admin}; Keystone also at {@code /v3}. Every request but Keystone's version documents
 * and token creation needs a valid {@code X-Auth-Token}.
 */
public final class Simulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);

    private final SimulatorData data;
    private final TokenStore tokens;
    private final Faults faults;
    private final RequestStats stats = new RequestStats();
    private final HttpServer server;
    private final BoundedServerSocketFactory sockets;
    private final String baseUrl;
    private final List<ServiceHandler> services;
    private final CinderData cinder;
    private final ManilaData manila;
    private final NeutronData neutronData;
    private final OctaviaData octaviaData;
    private final DesignateData designateData;
    private final SwiftAccounts swift;
    private final KwapiProbes kwapi;
    private final RgwData rgw;

    private Simulator(Builder b) throws IOException {
        this.data = new SimulatorData(b.seed, b.projects, b.images);
        this.tokens = new TokenStore(b.clock, b.tokenTtl);
        this.faults = new Faults(b.seed, tokens);
        this.sockets = new BoundedServerSocketFactory(b.maxConnections);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        String[] base = new String[1];
        ServiceContext context = new ServiceContext() {
            @Override
            public SimulatorData data() {
                return data;
            }

            @Override
            public Credentials credentials() {
                return data.credentials();
            }

            @Override
            public TokenStore tokens() {
                return tokens;
            }

            @Override
            public String baseUrl() {
                return base[0];
            }

            @Override
            public List<ServiceHandler> services() {
                return Simulator.this.services;
            }
        };
        this.neutronData = new NeutronData(data, b.floatingIps, b.vpnServices, b.ipsecConnections,
                b.firewallGroups, b.firewallPolicies);
        this.octaviaData = new OctaviaData(data, b.loadBalancers);
        this.designateData = new DesignateData(data, b.dnsZones);
        this.cinder = new CinderData(data, b.volumes, b.volumeSnapshots, b.volumeBackups, b.volumePools,
                b.volumeServicesDown);
        this.manila = new ManilaData(data, b.shares);
        // one handler class per service, in catalog order
        this.swift = new SwiftAccounts(data, b.swiftContainers);
        this.kwapi = new KwapiProbes(b.seed, b.kwapiProbes);
        this.rgw = new RgwData(data, b.rgwBuckets, b.rgwImplicitTenants);
        this.services = present(b.omittedServices, new KeystoneService(context), new GlanceService(context),
                new CinderService(cinder), new ManilaService(manila),
                new NeutronService(neutronData), new OctaviaService(octaviaData),
                new DesignateService(designateData),
                new SwiftService(context, swift), new KwapiService(context, kwapi),
                new RgwService(rgw, b.clock));
        Dispatcher dispatcher = new Dispatcher(context, faults, stats);
        this.server = ServerBootstrap.bootstrap()
                .setLocalAddress(loopback)
                .setListenerPort(b.port)
                .setServerSocketFactory(sockets)
                .setSocketConfig(SocketConfig.custom()
                        .setSoTimeout(10, TimeUnit.SECONDS)
                        .setTcpNoDelay(true)
                        .setSoReuseAddress(true)
                        .setBacklogSize(256)
                        .build())
                .setRequestRouter((request, ctx) -> dispatcher)
                // when every connection slot is taken, close after the response rather than keep an
                // idle connection while other clients wait to be accepted
                .setConnectionReuseStrategy((request, response, ctx) ->
                        sockets.available() > 0
                                && DefaultConnectionReuseStrategy.INSTANCE.keepAlive(request, response, ctx))
                .setExceptionListener(new QuietListener())
                .create();
        server.start();
        this.baseUrl = "http://127.0.0.1:" + server.getLocalPort();
        base[0] = baseUrl;
    }

    /** The services not omitted by {@link Builder#omitServices}, in catalog order. */
    private static List<ServiceHandler> present(java.util.Set<String> omitted, ServiceHandler... all) {
        return java.util.Arrays.stream(all).filter(s -> !omitted.contains(s.type())).toList();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getLocalPort();
    }

    /**
     * Keystone v3 through the public interface: {@code http://127.0.0.1:<port>/identity/v3}. Keystone
     * also answers at the root, so {@link #rootAuthUrl()} works as well.
     */
    public String authUrl() {
        return baseUrl + "/identity/v3";
    }

    /** Keystone v3 at the server's root, as on port 5000: {@code http://127.0.0.1:<port>/v3}. */
    public String rootAuthUrl() {
        return baseUrl + "/v3";
    }

    /**
     * The catalog URL of a service for an interface, for the admin project
     * ({@code endpoint("image", "internal")} = {@code http://127.0.0.1:<port>/image-internal}).
     *
     * @throws IllegalArgumentException for a service type or an interface the simulator lacks
     */
    public String endpoint(String serviceType, String interfaceName) {
        if (!ServiceContext.INTERFACES.contains(interfaceName)) {
            throw new IllegalArgumentException("no interface '" + interfaceName + "': public, internal or admin");
        }
        for (ServiceHandler s : services) {
            if (s.type().equals(serviceType)) {
                return baseUrl + "/" + ServiceContext.pathPrefix(serviceType, interfaceName);
            }
        }
        throw new IllegalArgumentException("no service of type '" + serviceType + "' in the simulator");
    }

    /** The service types of the catalog, in order. */
    public List<String> serviceTypes() {
        return services.stream().map(ServiceHandler::type).toList();
    }

    public String username() {
        return data.credentials().username();
    }

    public String password() {
        return data.credentials().password();
    }

    public String userDomainName() {
        return data.credentials().userDomainName();
    }

    public String projectName() {
        return data.credentials().projectName();
    }

    public String projectDomainName() {
        return data.credentials().projectDomainName();
    }

    public String regionName() {
        return ServiceContext.REGION;
    }

    public Credentials credentials() {
        return data.credentials();
    }

    public Faults faults() {
        return faults;
    }

    /** The seeded data, to compare what a client read with what it should have read. */
    public SimulatorData data() {
        return data;
    }

    /** Cinder's seeded volumes, snapshots, backups, pools and services. */
    public CinderData cinder() {
        return cinder;
    }

    /** Manila's seeded shares. */
    public ManilaData manila() {
        return manila;
    }

    /** Neutron's seeded floating IPs, VPNaaS and FWaaS v2 resources. */
    public NeutronData neutron() {
        return neutronData;
    }

    /** Octavia's seeded load balancers. */
    public OctaviaData octavia() {
        return octaviaData;
    }

    /** Designate's seeded zones and recordsets. */
    public DesignateData designate() {
        return designateData;
    }

    /** Swift's seeded accounts and containers, one account per project. */
    public SwiftAccounts swift() {
        return swift;
    }

    /** Kwapi's seeded probes. */
    public KwapiProbes kwapi() {
        return kwapi;
    }

    /** Ceph RGW's seeded users, buckets, usage and admin keys. */
    public RgwData rgw() {
        return rgw;
    }

    public Duration tokenTtl() {
        return tokens.ttl();
    }

    /** Requests received so far whose path starts with the prefix (faulted ones included). */
    public long requestCount(String pathPrefix) {
        return stats.count(pathPrefix);
    }

    /** The last requests received, oldest first, as {@code METHOD /path?query} (at most 1000). */
    public List<String> recentRequests() {
        return stats.recent();
    }

    public void resetRequestCounts() {
        stats.reset();
    }

    /** Stops listening and closes every connection at once. */
    @Override
    public void close() {
        server.close(CloseMode.IMMEDIATE);
        try {
            server.awaitTermination(org.apache.hc.core5.util.TimeValue.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Simulator[" + baseUrl + ", seed=" + data.seed() + ", projects=" + data.tenantProjectCount()
                + ", images=" + data.imageCount() + "]";
    }

    /** Settings of a simulator; {@link #start()} makes it listen. */
    public static final class Builder {
        private long seed = 42;
        private int projects = 10;
        private int images = 100;
        private int volumes = 50;
        private int volumeSnapshots = 20;
        private int volumeBackups = 10;
        private int volumePools = 6;
        private int volumeServicesDown = 1;
        private int shares = 20;
        private int swiftContainers = 20;
        private int kwapiProbes = 8;
        private int rgwBuckets = 10;
        private boolean rgwImplicitTenants;
        private Duration tokenTtl = Duration.ofHours(1);
        private int port;
        private int maxConnections = 32;
        private Clock clock = Clock.systemUTC();
        private int floatingIps = 50;
        private int vpnServices = 10;
        private int ipsecConnections = 20;
        private int firewallGroups = 10;
        private int firewallPolicies = 10;
        private int loadBalancers = 20;
        private int dnsZones = 20;
        private final java.util.Set<String> omittedServices = new java.util.HashSet<>();

        private Builder() {}

        /** The seed of every generated value (42 by default). */
        public Builder seed(long v) {
            this.seed = v;
            return this;
        }

        /** Tenant projects, beside {@code admin} and {@code service} (10 by default). */
        public Builder projects(int v) {
            this.projects = v;
            return this;
        }

        /** Swift containers in each project's account but the service project's (20 by default). */
        public Builder swiftContainers(int v) {
            this.swiftContainers = v;
            return this;
        }

        /** Kwapi probes (8 by default). */
        public Builder kwapiProbes(int v) {
            this.kwapiProbes = v;
            return this;
        }

        /** Ceph RGW buckets of each project's user (10 by default). */
        public Builder rgwBuckets(int v) {
            this.rgwBuckets = v;
            return this;
        }

        /** Whether RGW users are {@code <project>$<project>} (implicit tenants; false by default). */
        public Builder rgwImplicitTenants(boolean v) {
            this.rgwImplicitTenants = v;
            return this;
        }

        /** Glance images, 0 to 100,000 (100 by default). */
        public Builder images(int v) {
            this.images = v;
            return this;
        }

        /** Cinder volumes (50 by default). */
        public Builder volumes(int v) {
            this.volumes = v;
            return this;
        }

        /** Cinder snapshots (20 by default). */
        public Builder volumeSnapshots(int v) {
            this.volumeSnapshots = v;
            return this;
        }

        /** Cinder backups (10 by default). */
        public Builder volumeBackups(int v) {
            this.volumeBackups = v;
            return this;
        }

        /** Cinder scheduler pools, one cinder-volume service each (6 by default). */
        public Builder volumePools(int v) {
            this.volumePools = v;
            return this;
        }

        /** Cinder services reporting down, counted from the last (1 by default). */
        public Builder volumeServicesDown(int v) {
            this.volumeServicesDown = v;
            return this;
        }

        /** Manila shares (20 by default). */
        public Builder shares(int v) {
            this.shares = v;
            return this;
        }

        /** How long a token lives (1 hour by default, as Keystone's {@code [token] expiration}). */
        public Builder tokenTtl(Duration v) {
            this.tokenTtl = v;
            return this;
        }

        /** The port on 127.0.0.1; 0 (the default) takes a free one. */
        public Builder port(int v) {
            if (v < 0 || v > 65535) {
                throw new IllegalArgumentException("port out of range: " + v);
            }
            this.port = v;
            return this;
        }

        /** Connections served at once, hence worker threads (32 by default). */
        public Builder maxConnections(int v) {
            this.maxConnections = v;
            return this;
        }

        /** Neutron floating IPs (50 by default). */
        public Builder floatingIps(int v) {
            this.floatingIps = v;
            return this;
        }

        /** Neutron VPNaaS services (10 by default). */
        public Builder vpnServices(int v) {
            this.vpnServices = v;
            return this;
        }

        /** Neutron VPNaaS IPsec site connections (20 by default). */
        public Builder ipsecConnections(int v) {
            this.ipsecConnections = v;
            return this;
        }

        /** Neutron FWaaS v2 firewall groups (10 by default). */
        public Builder firewallGroups(int v) {
            this.firewallGroups = v;
            return this;
        }

        /** Neutron FWaaS v2 firewall policies (10 by default). */
        public Builder firewallPolicies(int v) {
            this.firewallPolicies = v;
            return this;
        }

        /** Octavia load balancers (20 by default). */
        public Builder loadBalancers(int v) {
            this.loadBalancers = v;
            return this;
        }

        /** Designate zones (20 by default). */
        public Builder dnsZones(int v) {
            this.dnsZones = v;
            return this;
        }

        /**
         * Leaves services of these catalog types out: not in the catalog, and 404 at their paths (a
         * cloud without Designate, say). Keystone ({@code identity}) cannot be left out.
         */
        public Builder omitServices(String... types) {
            for (String t : types) {
                if ("identity".equals(t)) {
                    throw new IllegalArgumentException("the simulator cannot run without Keystone");
                }
                omittedServices.add(t);
            }
            return this;
        }

        /** The clock of token issue and expiry (the system's by default). */
        public Builder clock(Clock v) {
            this.clock = v;
            return this;
        }

        /**
         * Starts the simulator.
         *
         * @throws IOException when the port cannot be bound
         */
        public Simulator start() throws IOException {
            return new Simulator(this);
        }
    }

    /** Logs connection problems at DEBUG: clients closing early and simulated drops are normal here. */
    private static final class QuietListener implements ExceptionListener {
        @Override
        public void onError(Exception ex) {
            log(ex);
        }

        @Override
        public void onError(HttpConnection connection, Exception ex) {
            log(ex);
        }

        private static void log(Exception ex) {
            if (ex instanceof Dispatcher.SimulatedDrop || ex instanceof SocketException
                    || ex instanceof ConnectionClosedException || ex instanceof java.net.SocketTimeoutException) {
                LOG.trace("simulator connection closed: {}", ex.toString());
            } else {
                LOG.debug("simulator connection error", ex);
            }
        }
    }
}
