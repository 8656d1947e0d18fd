package org.ceilometer.osgi.pollster.energy;

import java.time.Instant;

/**
 * One Kwapi probe's reading as the samples need it: this, not the JSON tree, is what the cycle cache
 * keeps.
 *
 * @param id the probe id, the key of the {@code probes} object
 * @param timestamp when the probe took the reading, or null when Kwapi did not say
 * @param kwh the energy since the probe started, in kWh, or null when missing
 * @param w the power at {@code timestamp}, in W, or null when missing
 */
record ProbeRecord(String id, Instant timestamp, Number kwh, Number w) {}
