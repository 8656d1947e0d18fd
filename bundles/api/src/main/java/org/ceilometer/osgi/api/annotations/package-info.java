/**
 * Component property types that register a plugin under its namespace. Each one also requires the
 * agent's {@code osgi.implementation} capability, so that resolving a plugin bundle pulls in the core.
 */
@Export
@Version("1.0.0")
package org.ceilometer.osgi.api.annotations;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
