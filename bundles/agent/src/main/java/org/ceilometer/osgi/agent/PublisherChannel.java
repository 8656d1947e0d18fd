package org.ceilometer.osgi.agent;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.ceilometer.osgi.api.Publisher;
import org.ceilometer.osgi.api.Sample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One publisher of one sink, wrapped with its policy. Samples are offered without ever blocking on
 * the destination; a thread of the channel's own sends them in order, in batches.
 *
 * <ul>
 *   <li>{@code default}: a failed batch is retried, in order, with a growing delay (capped) until it
 *       goes through; while it waits, newer samples queue in memory up to {@code max_queue_length} and
 *       past that the newest are dropped (Ceilometer blocks the pipeline instead);
 *   <li>{@code queue}: the same retries, but a full queue drops its oldest samples;
 *   <li>{@code drop}: a failed batch is dropped; a full queue drops the newest;
 *   <li>{@code journal}: the same retries; what does not fit in memory is appended to a journal on
 *       disk and replayed in order, also after a restart. What is still in memory when the channel
 *       stops is written in front of the journal.
 * </ul>
 *
 * Every sample is counted once as sent, dropped, or still queued.
 */
final class PublisherChannel {
    private static final Logger LOG = LoggerFactory.getLogger(PublisherChannel.class);
    private static final long FIRST_RETRY_MILLIS = 500;

    /** Makes the publisher when the channel first needs it, and again after {@link #resetPublisher()}. */
    interface PublisherSource {
        Created create() throws Exception;
    }

    /** A publisher and what made it (a factory's service reference, or the agent's storage). */
    record Created(Publisher publisher, Object origin) {}

    /** A publisher that can hand back what it accepted but did not deliver (the storage queue). */
    interface Reclaiming {
        List<Sample> reclaim();
    }

    /** Settings that may change while the channel runs. */
    record Settings(int batchSize, long maxRetryMillis) {}

    private final String sink;
    private final PublisherUrl url;
    private final PublisherSource source;
    private final Supplier<Settings> settings;
    private final Journal journal;
    private final Thread sender;

    private final Object lock = new Object();
    // guarded by lock
    private final ArrayDeque<Sample> memory = new ArrayDeque<>();
    private List<Sample> inFlight = List.of();
    private Journal.Chunk inFlightChunk;
    private boolean stopping;
    private boolean kicked;
    private boolean reset;
    private boolean sending;
    private String state = "idle";
    private String lastError;
    private Instant lastErrorAt;
    private Instant lastSentAt;
    private Object origin;
    private boolean dropWarned;

    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    // only the sender thread
    private Publisher publisher;

    /**
     * @param initial a publisher already made (when the pipeline file was checked), or null
     * @param journalDir where the journal lives, for policy {@code journal}; ignored otherwise
     */
    PublisherChannel(String sink, PublisherUrl url, PublisherSource source, Created initial,
            Supplier<Settings> settings, java.nio.file.Path journalDir) throws IOException {
        this.sink = sink;
        this.url = url;
        this.source = source;
        this.settings = settings;
        this.journal = url.policy() == PublisherUrl.Policy.JOURNAL ? new Journal(journalDir, url.maxJournalBytes())
                : null;
        if (initial != null) {
            this.publisher = initial.publisher();
            this.origin = initial.origin();
        }
        this.sender = new Thread(this::sendLoop, "ceilometer-publisher-" + sink + "-" + url.scheme());
        this.sender.setDaemon(true);
        this.sender.start();
    }

    String sink() {
        return sink;
    }

    PublisherUrl url() {
        return url;
    }

    /** Takes samples; never blocks on the destination. */
    void offer(List<Sample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        offered.addAndGet(samples.size());
        int lost = 0;
        String why = null;
        synchronized (lock) {
            if (stopping) {
                lost = samples.size();
                why = "the publisher is stopping";
            } else if (journal != null) {
                lost = offerJournal(samples);
                why = lost > 0 ? "the journal is full (" + url.maxJournalBytes() + " bytes) or failing" : null;
            } else {
                int max = url.maxQueueLength();
                if (max <= 0 || url.policy() == PublisherUrl.Policy.QUEUE) {
                    memory.addAll(samples);
                    int over = max <= 0 ? 0 : memory.size() + inFlight.size() - max;
                    for (int i = 0; i < over && !memory.isEmpty(); i++) {
                        memory.pollFirst();
                        lost++;
                    }
                    why = "the queue is full (" + max + " samples); the oldest are dropped";
                } else {
                    int room = Math.max(0, max - memory.size() - inFlight.size());
                    for (int i = 0; i < samples.size(); i++) {
                        if (i < room) {
                            memory.addLast(samples.get(i));
                        } else {
                            lost++;
                        }
                    }
                    why = "the queue is full (" + max + " samples); the newest are dropped";
                }
            }
            lock.notifyAll();
        }
        if (lost > 0) {
            drop(lost, why);
        }
    }

    /** Memory first while the journal is empty; past the limit, and while it holds anything, the journal. */
    private int offerJournal(List<Sample> samples) {
        List<Sample> toJournal;
        if (journal.records() > 0) {
            toJournal = samples;
        } else {
            memory.addAll(samples);
            int max = url.maxQueueLength();
            int over = max <= 0 ? 0 : Math.min(memory.size(), memory.size() + inFlight.size() - max);
            if (over <= 0) {
                return 0;
            }
            List<Sample> tail = new ArrayList<>(over);
            for (int i = 0; i < over; i++) {
                tail.add(memory.pollLast());
            }
            Collections.reverse(tail);
            toJournal = tail;
        }
        try {
            return toJournal.size() - journal.append(toJournal);
        } catch (IOException e) {
            noteError("journal: " + e.getMessage());
            return toJournal.size();
        }
    }

    private void drop(int n, String why) {
        long total = dropped.addAndGet(n);
        if (!dropWarned) {
            dropWarned = true;
            LOG.warn("publisher {} of sink {}: {} samples dropped: {} (later drops are counted, see "
                    + "ceilometer:pipelines)", url.display(), sink, n, why);
        } else {
            LOG.debug("publisher {} of sink {}: {} samples dropped ({} in all): {}", url.display(), sink, n, total,
                    why);
        }
    }

    /** Cuts a retry delay short: the end of a cycle, a publisher that came back. */
    void kick() {
        synchronized (lock) {
            kicked = true;
            lock.notifyAll();
        }
    }

    /** Closes the publisher and makes a new one before the next batch (its factory changed). */
    void resetPublisher() {
        synchronized (lock) {
            reset = true;
            kicked = true;
            lock.notifyAll();
        }
    }

    /** Whether the publisher in use came from {@code origin}. */
    boolean madeBy(Object o) {
        synchronized (lock) {
            return origin != null && origin.equals(o);
        }
    }

    private void sendLoop() {
        long backoff = 0;
        while (true) {
            List<Sample> batch;
            boolean readJournal = false;
            boolean doReset;
            synchronized (lock) {
                try {
                    while (!stopping && !reset && inFlight.isEmpty() && memory.isEmpty()
                            && (journal == null || journal.records() == 0)) {
                        state = "idle";
                        lock.wait();
                    }
                } catch (InterruptedException e) {
                    break;
                }
                doReset = reset;
                reset = false;
                if (stopping && memory.isEmpty() && (inFlight.isEmpty() || inFlightChunk != null)) {
                    break;
                }
                if (inFlight.isEmpty()) {
                    if (!memory.isEmpty()) {
                        int n = Math.min(Math.max(1, settings.get().batchSize()), memory.size());
                        List<Sample> next = new ArrayList<>(n);
                        for (int i = 0; i < n; i++) {
                            next.add(memory.pollFirst());
                        }
                        inFlight = next;
                        inFlightChunk = null;
                    } else if (journal != null && journal.records() > 0 && !stopping) {
                        readJournal = true;
                    }
                }
                batch = inFlight;
                sending = !batch.isEmpty() || readJournal;
            }
            if (doReset) {
                closePublisher();
            }
            if (readJournal) {
                try {
                    Journal.Chunk chunk = journal.read(Math.max(1, settings.get().batchSize()));
                    if (chunk == null) {
                        synchronized (lock) {
                            sending = false;
                        }
                        continue;
                    }
                    if (chunk.samples().isEmpty()) {
                        journal.ack(chunk); // only unreadable records
                        synchronized (lock) {
                            sending = false;
                        }
                        continue;
                    }
                    synchronized (lock) {
                        inFlight = chunk.samples();
                        inFlightChunk = chunk;
                        batch = inFlight;
                    }
                } catch (IOException e) {
                    noteError("journal: " + e.getMessage());
                    if (!pause(backoff = nextBackoff(backoff))) {
                        break;
                    }
                    continue;
                }
            }
            if (batch.isEmpty()) {
                synchronized (lock) {
                    sending = false;
                }
                continue;
            }
            try {
                Publisher p = publisher();
                p.publish(Collections.unmodifiableList(batch));
                Journal.Chunk chunk;
                synchronized (lock) {
                    chunk = inFlightChunk;
                }
                if (chunk != null) {
                    journal.ack(chunk);
                }
                sent.addAndGet(batch.size());
                backoff = 0;
                synchronized (lock) {
                    inFlight = List.of();
                    inFlightChunk = null;
                    sending = false;
                    if (lastError != null && (lastSentAt == null || !lastSentAt.isAfter(lastErrorAt))) {
                        LOG.info("publisher {} of sink {} delivers again", url.display(), sink);
                    }
                    lastSentAt = Instant.now();
                    state = "sending";
                    lock.notifyAll();
                }
            } catch (Exception e) {
                failures.incrementAndGet();
                String msg = e.getClass().getSimpleName() + ": " + Urls.mask(String.valueOf(e.getMessage()));
                noteError(msg);
                if (url.policy() == PublisherUrl.Policy.DROP) {
                    synchronized (lock) {
                        inFlight = List.of();
                        inFlightChunk = null;
                        sending = false;
                        lock.notifyAll();
                    }
                    drop(batch.size(), "publishing failed (" + msg + ")");
                    continue;
                }
                synchronized (lock) {
                    sending = false;
                    lock.notifyAll();
                    if (stopping) {
                        break;
                    }
                }
                backoff = nextBackoff(backoff);
                if (!pause(backoff)) {
                    break;
                }
            }
        }
        synchronized (lock) {
            sending = false;
            lock.notifyAll();
        }
    }

    private long nextBackoff(long backoff) {
        long max = Math.max(FIRST_RETRY_MILLIS, settings.get().maxRetryMillis());
        return backoff == 0 ? FIRST_RETRY_MILLIS : Math.min(max, backoff * 2);
    }

    /** Waits before a retry; false when the channel stops meanwhile. */
    private boolean pause(long millis) {
        synchronized (lock) {
            state = "retrying every " + Duration.ofMillis(millis).toMillis() + " ms";
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            kicked = false;
            try {
                while (!stopping && !kicked) {
                    long left = until - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
            } catch (InterruptedException e) {
                return false;
            }
            return !stopping;
        }
    }

    private Publisher publisher() throws Exception {
        if (publisher == null) {
            Created c;
            try {
                c = source.create();
            } catch (Exception e) {
                throw new IllegalStateException("cannot make the publisher: " + e.getMessage(), e);
            }
            publisher = c.publisher();
            synchronized (lock) {
                origin = c.origin();
            }
        }
        return publisher;
    }

    private void closePublisher() {
        Publisher p = publisher;
        publisher = null;
        synchronized (lock) {
            origin = null;
        }
        if (p != null) {
            try {
                p.close();
            } catch (RuntimeException e) {
                LOG.debug("publisher {}: close failed", url.display(), e);
            }
        }
    }

    private void noteError(String msg) {
        boolean first;
        synchronized (lock) {
            first = lastError == null || lastSentAt != null && lastSentAt.isAfter(lastErrorAt);
            lastError = msg;
            lastErrorAt = Instant.now();
            state = "failing";
        }
        if (first) {
            LOG.warn("publisher {} of sink {} failed, policy {}: {}", url.display(), sink, url.policy().wireName(),
                    msg);
        } else {
            LOG.debug("publisher {} of sink {} failed again: {}", url.display(), sink, msg);
        }
    }

    /** Asks the sender to deliver what is in memory and end; see {@link #awaitStopped(long)}. */
    void beginStop() {
        synchronized (lock) {
            stopping = true;
            lock.notifyAll();
        }
    }

    /**
     * Waits until the deadline ({@link System#nanoTime()}) for the sender to deliver what is in memory,
     * then keeps what is left (policy {@code journal}: in front of the journal, with what the publisher
     * hands back) or drops it, counted. Closes the publisher and the journal.
     */
    void awaitStopped(long deadlineNanos) {
        beginStop();
        try {
            sender.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
            if (sender.isAlive()) {
                sender.interrupt();
                sender.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Sample> left = new ArrayList<>();
        synchronized (lock) {
            if (inFlightChunk == null) {
                left.addAll(inFlight);
            }
            left.addAll(memory);
            inFlight = List.of();
            inFlightChunk = null;
            memory.clear();
        }
        if (journal != null) {
            List<Sample> keep = new ArrayList<>();
            if (publisher instanceof Reclaiming && !sender.isAlive()) {
                keep.addAll(((Reclaiming) publisher).reclaim());
            }
            keep.addAll(left);
            try {
                journal.prepend(keep);
                if (!keep.isEmpty()) {
                    LOG.info("publisher {} of sink {}: {} undelivered samples kept in the journal {}",
                            url.display(), sink, keep.size(), journal.dir());
                }
            } catch (IOException e) {
                drop(keep.size(), "the journal cannot be written at stop: " + e.getMessage());
            }
            journal.close();
        } else if (!left.isEmpty()) {
            drop(left.size(), "not delivered before the agent stopped");
        }
        if (!sender.isAlive()) {
            closePublisher();
        }
    }

    /** Waits until nothing is queued, in memory or in the journal; for tests and the shell. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!memory.isEmpty() || !inFlight.isEmpty() || sending || journal != null && journal.records() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            }
            return true;
        }
    }

    long offered() {
        return offered.get();
    }

    long sent() {
        return sent.get();
    }

    long dropped() {
        return dropped.get();
    }

    long failures() {
        return failures.get();
    }

    /** Samples waiting: in memory, in flight and in the journal. */
    long queued() {
        synchronized (lock) {
            long n = memory.size() + (inFlightChunk == null ? inFlight.size() : 0);
            return n + (journal == null ? 0 : journal.records());
        }
    }

    long inMemory() {
        synchronized (lock) {
            return memory.size() + (inFlightChunk == null ? inFlight.size() : 0);
        }
    }

    long inJournal() {
        return journal == null ? 0 : journal.records();
    }

    Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        synchronized (lock) {
            m.put("state", state);
            m.put("last error", lastError == null ? "none" : lastErrorAt + " " + lastError);
            m.put("last sent", lastSentAt == null ? "never" : lastSentAt.toString());
        }
        if (journal != null) {
            m.put("journal", journal.dir() + " " + journal.describe());
        }
        return m;
    }

    String state() {
        synchronized (lock) {
            return state;
        }
    }

    String lastError() {
        synchronized (lock) {
            return lastError;
        }
    }
}
