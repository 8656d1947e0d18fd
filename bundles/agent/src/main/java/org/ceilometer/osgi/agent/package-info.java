/** The central agent: tracks plugins, reads polling definitions, schedules cycles, stores samples. */
@Capability(namespace = ImplementationNamespace.IMPLEMENTATION_NAMESPACE,
        name = Namespaces.AGENT_IMPLEMENTATION, version = Namespaces.AGENT_IMPLEMENTATION_VERSION)
package org.ceilometer.osgi.agent;

import org.ceilometer.osgi.api.Namespaces;
import org.osgi.annotation.bundle.Capability;
import org.osgi.namespace.implementation.ImplementationNamespace;
