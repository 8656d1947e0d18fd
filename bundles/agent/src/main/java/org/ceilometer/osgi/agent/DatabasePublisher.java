package org.ceilometer.osgi.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.ceilometer.osgi.api.Publisher;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.signing.MessageSigning;
import org.ceilometer.osgi.api.signing.MeterMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code database://}: the agent's own storage queue, as Ceilometer's collector and its database
 * dispatcher. A message whose signature does not verify with the telemetry secret is discarded with
 * a warning, as there; with an empty secret nothing is checked. After the secret was changed, the
 * previous one is accepted too, so that samples the agent signed and queued before are kept. A full
 * storage queue fails the publish, so that the sink's policy decides (the journal keeps what the queue
 * cannot).
 */
final class DatabasePublisher implements Publisher, PublisherChannel.Reclaiming {
    private static final Logger LOG = LoggerFactory.getLogger(DatabasePublisher.class);

    private final SampleDispatcher storage;
    private final Supplier<List<String>> secrets;
    private final AtomicLong invalid;

    /**
     * @param secrets the telemetry secret now, then the one before it if it was changed
     * @param invalid counts the messages discarded for their signature
     */
    DatabasePublisher(SampleDispatcher storage, Supplier<List<String>> secrets, AtomicLong invalid) {
        this.storage = storage;
        this.secrets = secrets;
        this.invalid = invalid;
    }

    @Override
    public void publish(List<Sample> samples) {
        List<String> keys = secrets.get();
        List<Sample> valid = samples;
        if (!keys.isEmpty() && !keys.get(0).isEmpty()) {
            valid = new ArrayList<>(samples.size());
            Sample firstBad = null;
            int bad = 0;
            for (Sample s : samples) {
                if (verifies(s, keys)) {
                    valid.add(s);
                } else {
                    bad++;
                    if (firstBad == null) {
                        firstBad = s;
                    }
                }
            }
            if (bad > 0) {
                long total = invalid.addAndGet(bad);
                LOG.warn("database: message signature invalid, discarding {} message(s) (first: {} of meter {}, "
                        + "resource {}; {} discarded in all)", bad, firstBad.id(), firstBad.name(),
                        firstBad.resourceId(), total);
            }
        }
        if (!valid.isEmpty() && !storage.offer(valid)) {
            throw new IllegalStateException("the storage queue is full (" + storage.status().get("queued")
                    + " samples waiting for " + storage.status().get("backend") + ")");
        }
    }

    private static boolean verifies(Sample s, List<String> keys) {
        java.util.Map<String, Object> message = MeterMessages.toMessage(s);
        for (String key : keys) {
            if (!key.isEmpty() && MessageSigning.verifySignature(message, key)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Sample> reclaim() {
        return storage.takeBack();
    }
}
