package org.ceilometer.osgi.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.OpenStackException;

/**
 * The floor: the same client fetching every page and header a cycle needs, and nothing else. Each
 * distinct call of the cycle's {@link Trace} is made once, its items thrown away. The calls the agent made
 * on its fan-out pool run on {@code fanOutThreads} threads (the agent's {@code max_parallel_requests}); the
 * others (listings, made by discoveries and pollsters) on {@code listThreads} threads (the agent's
 * {@code pollster_threads}); both sets at once, each in the cycle's order. An error status is an answer
 * (the cycle skips a Swift account that answers 404, say); only a call that got no answer fails.
 */
final class Floor {
    private Floor() {}

    /** How the replay went. */
    record Outcome(int calls, int failures, String firstFailure) {}

    static Outcome replay(OpenStackClient client, List<Trace.Call> calls, int listThreads, int fanOutThreads)
            throws InterruptedException {
        ConcurrentLinkedQueue<Trace.Call> lists = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Trace.Call> fans = new ConcurrentLinkedQueue<>();
        for (Trace.Call c : calls) {
            (c.fanOut() ? fans : lists).add(c);
        }
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> first = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        int nl = Math.min(Math.max(1, listThreads), Math.max(1, lists.size()));
        int nf = fans.isEmpty() ? 0 : Math.min(Math.max(1, fanOutThreads), fans.size());
        CountDownLatch done = new CountDownLatch(nl + nf);
        for (int i = 0; i < nl + nf; i++) {
            ConcurrentLinkedQueue<Trace.Call> q = i < nl ? lists : fans;
            Thread t = new Thread(() -> {
                try {
                    Trace.Call c;
                    while ((c = q.poll()) != null) {
                        try {
                            c.replay(client);
                        } catch (OpenStackException e) {
                            if (e.status() <= 0) { // no answer; an error status is an answer, as in the cycle
                                failures.incrementAndGet();
                                first.compareAndSet(null, c.kind() + " " + c.url() + ": " + e.getMessage());
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                            first.compareAndSet(null, c.kind() + " " + c.url() + ": " + e);
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, (i < nl ? "floor-list-" : "floor-fanout-") + i);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        done.await();
        return new Outcome(calls.size(), failures.get(), first.get());
    }
}
