package org.ceilometer.osgi.pollster.loadbalancer;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the Octavia discovery. */
@ObjectClassDefinition(name = "Ceilometer Octavia discovery", description = "The lb_services discovery")
public @interface LoadBalancerPollsterConfig {
    /** The PID the discovery reads. */
    String PID = "ceilometer.pollster.loadbalancer";

    /** Maps to {@code octavia_page_size} (a double underscore stands for one underscore). */
    @AttributeDefinition(description = "Load balancers asked for per Octavia request (limit); Octavia serves at "
            + "most its pagination_max_limit (1000 by default); 0 or less sends no limit, so Octavia uses that maximum")
    int octavia__page__size() default OctaviaLoadBalancers.DEFAULT_PAGE_SIZE;
}
