package org.ceilometer.osgi.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.ceilometer.osgi.api.Publisher;
import org.ceilometer.osgi.api.Sample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublisherChannelTest {
    @TempDir
    Path dir;

    private final List<PublisherChannel> open = new ArrayList<>();

    @AfterEach
    void stopAll() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        open.forEach(c -> c.awaitStopped(deadline));
    }

    /** A destination that can be taken down and brought back. */
    static final class Destination implements Publisher {
        final List<Sample> received = Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean down = new AtomicBoolean();
        final AtomicInteger attempts = new AtomicInteger();

        Destination down() {
            down.set(true);
            return this;
        }

        @Override
        public void publish(List<Sample> samples) throws Exception {
            attempts.incrementAndGet();
            if (down.get()) {
                throw new IOException("connection refused");
            }
            received.addAll(samples);
        }

        List<String> ids() {
            synchronized (received) {
                return received.stream().map(Sample::resourceId).toList();
            }
        }
    }

    private PublisherChannel channel(String url, Destination d) throws IOException {
        return channel(url, () -> new PublisherChannel.Created(d, "test"));
    }

    private PublisherChannel channel(String url, PublisherChannel.PublisherSource source) throws IOException {
        PublisherChannel c = new PublisherChannel("sink", PublisherUrl.parse(url), source, null,
                () -> new PublisherChannel.Settings(10, 500), dir.resolve("journal"));
        open.add(c);
        return c;
    }

    private static void offer(PublisherChannel c, List<Sample> samples, int batch) {
        for (int i = 0; i < samples.size(); i += batch) {
            c.offer(samples.subList(i, Math.min(samples.size(), i + batch)));
        }
    }

    private static List<String> ids(List<Sample> samples) {
        return samples.stream().map(Sample::resourceId).toList();
    }

    private static void assertInOrder(List<String> ids) {
        for (int i = 1; i < ids.size(); i++) {
            int a = Integer.parseInt(ids.get(i - 1).substring(1));
            int b = Integer.parseInt(ids.get(i).substring(1));
            assertTrue(a < b, "out of order at " + i + ": " + ids);
        }
    }

    /** Brings a destination back and retries now rather than after the delay. */
    private static void restore(Destination d, PublisherChannel c) {
        d.down.set(false);
        c.kick();
    }

    @Test
    void defaultRetriesInOrderAndPastItsLimitRefusesTheNewest() throws Exception {
        Destination d = new Destination().down();
        PublisherChannel c = channel("test://?max_queue_length=25", d);
        List<Sample> all = JournalTest.samples("x", 30);
        offer(c, all, 10);
        Fakes.await("a retry", 10_000, () -> d.attempts.get() >= 2);
        assertEquals(25, c.queued());
        assertEquals(5, c.dropped());
        restore(d, c);
        assertTrue(c.awaitIdle(Duration.ofSeconds(10)));
        assertEquals(ids(all.subList(0, 25)), d.ids(), "the oldest 25, in order");
        assertEquals(25, c.sent());
        assertEquals(c.offered(), c.sent() + c.dropped());
    }

    @Test
    void queueKeepsUpToItsLimitAndDropsTheOldest() throws Exception {
        Destination d = new Destination().down();
        PublisherChannel c = channel("test://?policy=queue&max_queue_length=25", d);
        List<Sample> all = JournalTest.samples("x", 60);
        offer(c, all, 10);
        assertEquals(25, c.queued());
        assertEquals(35, c.dropped());
        restore(d, c);
        assertTrue(c.awaitIdle(Duration.ofSeconds(10)));
        assertEquals(25, d.received.size());
        assertTrue(d.ids().contains("x59"), "the newest is kept");
        assertInOrder(d.ids());
        assertEquals(60, c.sent() + c.dropped());
    }

    @Test
    void dropDropsWhatFails() throws Exception {
        Destination d = new Destination().down();
        PublisherChannel c = channel("test://?policy=drop", d);
        offer(c, JournalTest.samples("a", 20), 10);
        Fakes.await("the failed batches dropped", 10_000, () -> c.dropped() == 20);
        assertEquals(0, c.queued());
        d.down.set(false);
        offer(c, JournalTest.samples("b", 10), 10);
        assertTrue(c.awaitIdle(Duration.ofSeconds(10)));
        assertEquals(ids(JournalTest.samples("b", 10)), d.ids());
        assertEquals(10, c.sent());
        assertEquals(30, c.sent() + c.dropped());
    }

    @Test
    void journalKeepsWhatMemoryCannotAndReplaysItInOrder() throws Exception {
        Destination d = new Destination().down();
        PublisherChannel c = channel("test://?policy=journal&max_queue_length=5", d);
        List<Sample> all = JournalTest.samples("x", 1000);
        offer(c, all, 10);
        Fakes.await("a retry", 10_000, () -> d.attempts.get() >= 2);
        assertEquals(1000, c.queued());
        assertTrue(c.inJournal() >= 990, "in the journal: " + c.inJournal());
        assertEquals(0, c.dropped());
        restore(d, c);
        assertTrue(c.awaitIdle(Duration.ofSeconds(20)));
        assertEquals(ids(all), d.ids(), "everything, once, in order");
        assertEquals(1000, c.sent());
        assertEquals(0, c.dropped());
    }

    @Test
    void journalSurvivesARestartWithNothingLostOrRepeated() throws Exception {
        Destination before = new Destination().down();
        PublisherChannel first = channel("test://?policy=journal&max_queue_length=20", before);
        List<Sample> all = JournalTest.samples("x", 300);
        offer(first, all.subList(0, 150), 10);
        restore(before, first);
        Fakes.await("some delivered", 10_000, () -> before.received.size() >= 30);
        long failuresBefore = first.failures();
        before.down.set(true);
        offer(first, all.subList(150, 300), 10);
        Fakes.await("a failure after the outage began", 10_000, () -> first.failures() > failuresBefore);
        first.awaitStopped(System.nanoTime() + TimeUnit.SECONDS.toNanos(2));
        long sentBefore = first.sent();
        assertEquals(sentBefore, before.received.size());
        assertEquals(0, first.dropped(), "nothing dropped at stop");

        Destination after = new Destination().down();
        PublisherChannel second = channel("test://?policy=journal&max_queue_length=20", after);
        assertEquals(300 - sentBefore, second.queued(), "what was not sent waits in the journal");
        restore(after, second);
        assertTrue(second.awaitIdle(Duration.ofSeconds(20)));
        List<String> received = new ArrayList<>(before.ids());
        received.addAll(after.ids());
        assertEquals(ids(all), received, "every sample once, in order, across the restart");
        assertEquals(300, sentBefore + second.sent());
    }

    @Test
    void aStopDeliversWhatIsInMemoryWhileTheDestinationAnswers() throws Exception {
        Destination d = new Destination();
        PublisherChannel c = channel("test://?max_queue_length=0", d);
        List<Sample> all = JournalTest.samples("x", 2000);
        offer(c, all, 50);
        c.awaitStopped(System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
        assertEquals(ids(all), d.ids());
        assertEquals(0, c.dropped());
    }

    @Test
    void otherPoliciesCountWhatIsLeftAtStopAsDropped() throws Exception {
        Destination d = new Destination().down();
        PublisherChannel c = channel("test://?policy=queue", d);
        offer(c, JournalTest.samples("x", 15), 5);
        c.awaitStopped(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300));
        assertEquals(15, c.dropped());
        assertEquals(0, c.queued());
        c.offer(JournalTest.samples("y", 2));
        assertEquals(17, c.dropped(), "a stopped publisher takes nothing");
    }

    @Test
    void aPublisherThatCannotBeMadeYetKeepsSamplesByPolicy() throws Exception {
        Destination d = new Destination();
        AtomicBoolean factory = new AtomicBoolean();
        PublisherChannel c = channel("udp://h?policy=queue", () -> {
            if (!factory.get()) {
                throw new IllegalStateException("no publisher for scheme 'udp' is registered");
            }
            return new PublisherChannel.Created(d, "factory");
        });
        offer(c, JournalTest.samples("x", 7), 7);
        Fakes.await("the failure seen", 10_000, () -> c.lastError() != null);
        assertTrue(c.lastError().contains("no publisher for scheme 'udp'"), c.lastError());
        factory.set(true);
        c.resetPublisher();
        assertTrue(c.awaitIdle(Duration.ofSeconds(10)));
        assertEquals(7, d.received.size());
        assertTrue(c.madeBy("factory"));
    }
}
