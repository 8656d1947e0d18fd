package org.ceilometer.osgi.simulator.component;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of a simulator started by a component. Option names keep Ceilometer's underscores: a double
 * underscore in a method name stands for one underscore in the property name.
 */
@ObjectClassDefinition(name = "Ceilometer OpenStack simulator",
        description = "An OpenStack simulator (Keystone v3, Glance v2) on 127.0.0.1 with seeded data")
public @interface SimulatorConfig {
    @AttributeDefinition(description = "Port on 127.0.0.1; 0 takes a free port")
    int port() default 0;

    @AttributeDefinition(description = "Seed of the generated data: the same seed gives the same data")
    long seed() default 42;

    @AttributeDefinition(description = "Tenant projects, beside admin and service")
    int projects() default 10;

    @AttributeDefinition(description = "Glance images, 0 to 100000")
    int images() default 100;

    @AttributeDefinition(description = "Cinder volumes")
    int volumes() default 50;

    @AttributeDefinition(description = "Cinder volume snapshots")
    int volume__snapshots() default 20;

    @AttributeDefinition(description = "Cinder volume backups")
    int volume__backups() default 10;

    @AttributeDefinition(description = "Cinder scheduler pools (one cinder-volume service each)")
    int volume__pools() default 6;

    @AttributeDefinition(description = "Cinder services reporting down, counted from the last")
    int volume__services__down() default 1;

    @AttributeDefinition(description = "Manila shares")
    int shares() default 20;

    @AttributeDefinition(description = "Swift containers in each project's account (the service project's stays empty)")
    int swift__containers() default 20;

    @AttributeDefinition(description = "Kwapi probes (wattmeters)")
    int kwapi__probes() default 8;

    @AttributeDefinition(description = "Ceph RGW buckets of each project's user")
    int rgw__buckets() default 10;

    @AttributeDefinition(description = "Whether RGW users are <project>$<project> (implicit tenants)")
    boolean rgw__implicit__tenants() default false;

    @AttributeDefinition(description = "Neutron floating IPs")
    int floating__ips() default 50;

    @AttributeDefinition(description = "Neutron VPNaaS services")
    int vpn__services() default 10;

    @AttributeDefinition(description = "Neutron VPNaaS IPsec site connections")
    int ipsec__connections() default 20;

    @AttributeDefinition(description = "Neutron FWaaS v2 firewall groups")
    int firewall__groups() default 10;

    @AttributeDefinition(description = "Neutron FWaaS v2 firewall policies")
    int firewall__policies() default 10;

    @AttributeDefinition(description = "Octavia load balancers")
    int load__balancers() default 20;

    @AttributeDefinition(description = "Designate zones")
    int dns__zones() default 20;

    @AttributeDefinition(description = "Token lifetime in seconds")
    long token__ttl() default 3600;

    @AttributeDefinition(description = "Connections served at once (worker threads)")
    int max__connections() default 32;
}
