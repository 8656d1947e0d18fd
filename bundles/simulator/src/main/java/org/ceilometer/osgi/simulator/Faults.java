package org.ceilometer.osgi.simulator;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.ceilometer.osgi.simulator.core.TokenStore;

/**
 * Faults on demand, each for the requests whose path starts with a prefix ({@code /image} hits every
 * Glance request through the public endpoint, {@code /} hits everything; a prefix with a {@code ?} is
 * matched against the path and query, so {@code /image/v2/images?limit=10&marker=} hits only the
 * pages after the first): added latency, error
 * statuses, truncated JSON bodies and dropped connections, for the next N requests or for a ratio of
 * them (drawn from the simulator's seed, so a run repeats). Thread-safe; rules apply in the order
 * they were added, latency rules add up, and at most one other rule acts on a request.
 */
public final class Faults {
    enum Kind { LATENCY, FAIL, MALFORMED, DROP }

    /** What the faults decided for one request. */
    record Decision(Duration delay, Kind action, int status) {
        static final Decision NONE = new Decision(Duration.ZERO, null, 0);
    }

    private static final class Rule {
        final Kind kind;
        final String prefix;
        final Duration delay;
        final int status;
        final double ratio;
        final AtomicInteger remaining;

        Rule(Kind kind, String prefix, Duration delay, int status, double ratio, int count) {
            this.kind = kind;
            this.prefix = prefix;
            this.delay = delay;
            this.status = status;
            this.ratio = ratio;
            this.remaining = count < 0 ? null : new AtomicInteger(count);
        }
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final SplittableRandom random;
    private final TokenStore tokens;

    Faults(long seed, TokenStore tokens) {
        this.random = new SplittableRandom(Ids.mix64(seed ^ 0x5DEECE66DL));
        this.tokens = tokens;
    }

    /** Delays every matching request by {@code delay} until cleared. */
    public Faults latency(String pathPrefix, Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + delay);
        }
        return add(new Rule(Kind.LATENCY, prefix(pathPrefix), delay, 0, 1, -1));
    }

    /** The next {@code count} matching requests answer 500 with a JSON error body. */
    public Faults failNext(String pathPrefix, int count) {
        return failNext(pathPrefix, count, 500);
    }

    /** The next {@code count} matching requests answer {@code status} with a JSON error body. */
    public Faults failNext(String pathPrefix, int count, int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a failure status is 4xx or 5xx: " + status);
        }
        return add(new Rule(Kind.FAIL, prefix(pathPrefix), Duration.ZERO, status, 1, count(count)));
    }

    /** A ratio (0 to 1) of matching requests answers 500, until cleared. */
    public Faults failRatio(String pathPrefix, double ratio) {
        return add(new Rule(Kind.FAIL, prefix(pathPrefix), Duration.ZERO, 500, ratio(ratio), -1));
    }

    /** The next {@code count} matching requests answer with their body cut in the middle (invalid JSON). */
    public Faults malformedNext(String pathPrefix, int count) {
        return add(new Rule(Kind.MALFORMED, prefix(pathPrefix), Duration.ZERO, 0, 1, count(count)));
    }

    /** A ratio of matching requests answers with a body cut in the middle, until cleared. */
    public Faults malformedRatio(String pathPrefix, double ratio) {
        return add(new Rule(Kind.MALFORMED, prefix(pathPrefix), Duration.ZERO, 0, ratio(ratio), -1));
    }

    /** The next {@code count} matching requests get their connection closed without any response. */
    public Faults dropNext(String pathPrefix, int count) {
        return add(new Rule(Kind.DROP, prefix(pathPrefix), Duration.ZERO, 0, 1, count(count)));
    }

    /** A ratio of matching requests gets the connection closed without response, until cleared. */
    public Faults dropRatio(String pathPrefix, double ratio) {
        return add(new Rule(Kind.DROP, prefix(pathPrefix), Duration.ZERO, 0, ratio(ratio), -1));
    }

    /** Expires every token issued so far: the next request with one of them gets a 401. */
    public void expireTokens() {
        tokens.expireAll();
    }

    /** Removes every rule. */
    public void clear() {
        rules.clear();
    }

    /** Removes the rules of one prefix. */
    public void clear(String pathPrefix) {
        String p = prefix(pathPrefix);
        rules.removeIf(r -> r.prefix.equals(p));
    }

    /** Whether no rule is left (counted rules leave once used up). */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    Decision decide(String path, String query) {
        if (rules.isEmpty()) {
            return Decision.NONE;
        }
        String withQuery = query == null ? path : path + "?" + query;
        Duration delay = Duration.ZERO;
        Rule acting = null;
        for (Rule r : rules) {
            if (!(r.prefix.indexOf('?') < 0 ? path : withQuery).startsWith(r.prefix)) {
                continue;
            }
            if (r.kind == Kind.LATENCY) {
                delay = delay.plus(r.delay);
            } else if (acting == null && fires(r)) {
                acting = r;
            }
        }
        rules.removeIf(r -> r.remaining != null && r.remaining.get() <= 0);
        return acting == null ? new Decision(delay, null, 0) : new Decision(delay, acting.kind, acting.status);
    }

    private boolean fires(Rule r) {
        if (r.remaining != null) {
            return r.remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        }
        synchronized (random) {
            return random.nextDouble() < r.ratio;
        }
    }

    private Faults add(Rule r) {
        rules.add(r);
        return this;
    }

    private static String prefix(String p) {
        if (p == null || !p.startsWith("/")) {
            throw new IllegalArgumentException("a path prefix starts with '/': " + p);
        }
        return p;
    }

    private static int count(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("count must not be negative: " + n);
        }
        return n;
    }

    private static double ratio(double r) {
        if (!(r >= 0 && r <= 1)) {
            throw new IllegalArgumentException("ratio must be between 0 and 1: " + r);
        }
        return r;
    }
}
