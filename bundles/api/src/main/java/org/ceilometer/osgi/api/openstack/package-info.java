/** The OpenStack session a pollster uses: Keystone v3 tokens, the service catalog, JSON requests. */
@Export
@Version("1.0.0")
package org.ceilometer.osgi.api.openstack;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
