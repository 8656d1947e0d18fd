package org.ceilometer.osgi.coordination.zookeeper;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The {@code [coordination]} section: PID {@code ceilometer.coordination}. */
@ObjectClassDefinition(name = "Ceilometer coordination",
        description = "Partitioning of the central agents' resources over ZooKeeper")
public @interface CoordinationConfig {
    @AttributeDefinition(name = "backend_url",
            description = "zookeeper://host:port[,host:port]/chroot; empty: no coordinator, the agent polls everything")
    String backend__url() default "";

    @AttributeDefinition(name = "heartbeat",
            description = "Seconds between checks that this agent's membership nodes exist")
    double heartbeat() default 1.0;

    @AttributeDefinition(name = "session_timeout",
            description = "ZooKeeper session timeout in seconds: how long a dead agent keeps its share")
    double session__timeout() default 10.0;
}
