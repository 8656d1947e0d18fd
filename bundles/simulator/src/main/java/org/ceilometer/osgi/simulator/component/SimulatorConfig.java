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

    @AttributeDefinition(description = "Token lifetime in seconds")
    long token__ttl() default 3600;

    @AttributeDefinition(description = "Connections served at once (worker threads)")
    int max__connections() default 32;
}
