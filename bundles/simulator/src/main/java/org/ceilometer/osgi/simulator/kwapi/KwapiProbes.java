package org.ceilometer.osgi.simulator.kwapi;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The simulator's Kwapi probes (wattmeters), computed from the seed and the time asked about: a probe
 * draws {@code base + amplitude * sin(2 pi t / period + phase)} watts since it started, so its energy
 * only grows, and its last reading lags the present by up to five seconds.
 *
 * <p>Probe ids look like Kwapi's site-qualified ones: {@code lyon.taurus-1}, {@code nancy.graphene-2},
 * ...
 */
public final class KwapiProbes {
    /** The largest number of probes the simulator takes. */
    public static final int MAX_PROBES = 100_000;

    private static final String[] SITES = {"lyon", "nancy", "rennes"};
    private static final String[] CLUSTERS = {"taurus", "graphene", "paravance"};
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long STARTED = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();

    private final long key;
    private final int count;

    /**
     * One probe's reading at one time, as Kwapi's {@code GET /v1/probes/} gives it.
     *
     * @param id the probe id (the key of the {@code probes} object)
     * @param timestamp seconds since the epoch, with a fraction ({@code time.time()} of the reading)
     * @param kwh the energy used since the probe started, in kWh
     * @param w the power drawn at {@code timestamp}, in W, to a tenth
     */
    public record Reading(String id, double timestamp, double kwh, double w) {}

    public KwapiProbes(long seed, int probes) {
        if (probes < 0 || probes > MAX_PROBES) {
            throw new IllegalArgumentException("probes must be 0 to " + MAX_PROBES + ": " + probes);
        }
        this.key = mix64(seed * GOLDEN + "kwapi".hashCode());
        this.count = probes;
    }

    public int count() {
        return count;
    }

    /** The id of probe {@code index}. */
    public String id(int index) {
        java.util.Objects.checkIndex(index, count);
        return SITES[index % SITES.length] + "." + CLUSTERS[(index / SITES.length) % CLUSTERS.length] + "-"
                + (index / (SITES.length * CLUSTERS.length) + 1);
    }

    /** The index of a probe id, or -1. */
    public int index(String id) {
        for (int i = 0; i < count; i++) {
            if (id(i).equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Probe {@code index}'s last reading as of {@code now}. */
    public Reading reading(int index, Instant now) {
        java.util.Objects.checkIndex(index, count);
        SplittableRandom r = new SplittableRandom(mix64(key ^ mix64(index * GOLDEN + 1)));
        double base = 80 + r.nextInt(271);
        double amplitude = base * (0.05 + r.nextDouble() * 0.3);
        double period = 600 + r.nextInt(3000);
        double phase = r.nextDouble() * 2 * Math.PI;
        long since = STARTED + r.nextInt(86400);
        long lagMillis = (index % 5) * 1000L + r.nextInt(1000);
        long millis = Math.max(since * 1000, now.toEpochMilli() - lagMillis);
        double t = millis / 1000.0;
        double watts = Math.round((base + amplitude * Math.sin(2 * Math.PI * t / period + phase)) * 10) / 10.0;
        double joules = base * (t - since) + amplitude * period / (2 * Math.PI)
                * (Math.cos(2 * Math.PI * since / period + phase) - Math.cos(2 * Math.PI * t / period + phase));
        return new Reading(id(index), t, joules / 3.6e6, watts);
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
