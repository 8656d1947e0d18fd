/**
 * Ceilometer's meter messages and their signatures: a {@link org.ceilometer.osgi.api.Sample} as the
 * message Ceilometer publishes and stores, and the HMAC-SHA256 {@code message_signature} over it, byte
 * for byte as Ceilometer (master, Python 3) computes it, so that messages verify in both directions.
 */
@Export
@Version("1.0.0")
package org.ceilometer.osgi.api.signing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
