/**
 * Samples, meter types and the contracts of the agent's plugins: pollsters, discoveries, storage
 * drivers, publishers, transformers and the partition coordinator.
 *
 * <p>Interfaces that plugins implement are {@code @ConsumerType}; those only the agent implements are
 * {@code @ProviderType}.
 */
@Export
@Version("1.0.0")
package org.ceilometer.osgi.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
