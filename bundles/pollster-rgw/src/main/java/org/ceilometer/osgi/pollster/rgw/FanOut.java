package org.ceilometer.osgi.pollster.rgw;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.ceilometer.osgi.api.PollContext;

/**
 * Runs one call per key on the cycle's bounded pool, with at most {@link PollContext#parallelism()}
 * calls in flight: that many workers each take the next key until none is left. The caller waits;
 * every key's outcome (a value or the exception it threw) comes back in the keys' order.
 *
 * <p>A call that throws {@link StopRound} stops the round: no worker takes a new key, and every key
 * not tried gets the stopping exception as its outcome (RGW refusing the credentials refuses them for
 * every project alike).
 */
final class FanOut {
    private FanOut() {}

    /** One key's work. */
    @FunctionalInterface
    interface Call<K, V> {
        V call(K key) throws Exception;
    }

    /** What one key's call gave: a value, or the exception it threw; {@code tried} false when the round stopped first. */
    record Outcome<K, V>(K key, V value, Exception error, boolean tried) {}

    /** Thrown by a call to stop the round; {@link #getCause()} is the reason, kept as every outcome's error. */
    static final class StopRound extends Exception {
        private static final long serialVersionUID = 1L;

        StopRound(Exception cause) {
            super(cause.getMessage(), cause, false, false);
        }

        Exception reason() {
            return (Exception) getCause();
        }
    }

    /**
     * Calls {@code call} for every key and waits for all of them.
     *
     * @throws InterruptedException when the waiting thread is interrupted (the agent's pollster
     *     timeout): the workers take no new key and the calls in flight end on their own timeouts
     * @throws CancellationException when the cycle was cancelled before every key was done
     */
    static <K, V> List<Outcome<K, V>> run(PollContext context, List<K> keys, Call<K, V> call)
            throws InterruptedException {
        int n = keys.size();
        if (n == 0) {
            return List.of();
        }
        AtomicReferenceArray<Outcome<K, V>> outcomes = new AtomicReferenceArray<>(n);
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> stopped = new AtomicReference<>();
        int workers = Math.min(n, Math.max(1, context.parallelism()));
        CountDownLatch done = new CountDownLatch(workers);
        Runnable worker = () -> {
            try {
                while (stopped.get() == null && !context.isCancelled()) {
                    int i = next.getAndIncrement();
                    if (i >= n) {
                        return;
                    }
                    K key = keys.get(i);
                    try {
                        outcomes.set(i, new Outcome<>(key, call.call(key), null, true));
                    } catch (StopRound e) {
                        stopped.compareAndSet(null, e.reason());
                        outcomes.set(i, new Outcome<>(key, null, e.reason(), true));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        outcomes.set(i, new Outcome<>(key, null, e, true));
                        return;
                    } catch (Exception e) {
                        outcomes.set(i, new Outcome<>(key, null, e, true));
                    }
                }
            } finally {
                done.countDown();
            }
        };
        int started = 0;
        try {
            for (; started < workers; started++) {
                context.executor().execute(worker);
            }
        } catch (RejectedExecutionException e) {
            // the pool is shutting down: the workers already started finish the keys
            for (int i = started; i < workers; i++) {
                done.countDown();
            }
            if (started == 0) {
                throw e;
            }
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            stopped.compareAndSet(null, e);
            throw e;
        }
        List<Outcome<K, V>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Outcome<K, V> o = outcomes.get(i);
            if (o == null) {
                Exception stop = stopped.get();
                if (stop == null) {
                    throw new CancellationException("the polling cycle was cancelled after " + i + " of " + n
                            + " RGW projects");
                }
                o = new Outcome<>(keys.get(i), null, stop, false);
            }
            out.add(o);
        }
        return out;
    }
}
