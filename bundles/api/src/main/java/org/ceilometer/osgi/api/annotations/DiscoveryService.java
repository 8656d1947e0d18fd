package org.ceilometer.osgi.api.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.ceilometer.osgi.api.Namespaces;
import org.osgi.annotation.bundle.Requirement;
import org.osgi.namespace.implementation.ImplementationNamespace;
import org.osgi.service.component.annotations.ComponentPropertyType;

/** Registers a {@link org.ceilometer.osgi.api.Discovery} under {@code ceilometer.discover} with its name. */
@ComponentPropertyType
@Requirement(namespace = ImplementationNamespace.IMPLEMENTATION_NAMESPACE,
        name = Namespaces.AGENT_IMPLEMENTATION, version = Namespaces.AGENT_IMPLEMENTATION_VERSION)
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface DiscoveryService {
    String PREFIX_ = "ceilometer.";

    String namespace() default Namespaces.DISCOVER;

    /** The name sources use: {@code endpoint}, {@code tenant}, {@code images}, ... */
    String discovery();
}
