/** The {@code log://} storage backend: samples are written to the log only, as Ceilometer's impl_log. */
package org.ceilometer.osgi.storage.log;
