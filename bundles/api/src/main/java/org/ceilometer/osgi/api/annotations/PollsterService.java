package org.ceilometer.osgi.api.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.ceilometer.osgi.api.Namespaces;
import org.osgi.annotation.bundle.Requirement;
import org.osgi.namespace.implementation.ImplementationNamespace;
import org.osgi.service.component.annotations.ComponentPropertyType;

/** Registers a {@link org.ceilometer.osgi.api.Pollster}: {@code ceilometer.namespace} (central by default) and {@code ceilometer.meter}. */
@ComponentPropertyType
@Requirement(namespace = ImplementationNamespace.IMPLEMENTATION_NAMESPACE,
        name = Namespaces.AGENT_IMPLEMENTATION, version = Namespaces.AGENT_IMPLEMENTATION_VERSION)
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PollsterService {
    String PREFIX_ = "ceilometer.";

    /** The namespaces polled: {@code ceilometer.poll.central} unless told. */
    String[] namespace() default Namespaces.POLL_CENTRAL;

    /** The meter name, exactly as Ceilometer names it. */
    String meter();
}
