package org.ceilometer.osgi.agent;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A sink's publisher URL with the agent's own query options taken out: Ceilometer's {@code policy}
 * ({@code default}, {@code queue}, {@code drop}, and ours, {@code journal}) and {@code max_queue_length}
 * (1024), and {@code max_journal_bytes} (ours, 1 GiB). The rest of the URL goes to the publisher
 * factory as written.
 */
final class PublisherUrl {
    /** What happens to samples a publisher could not deliver. */
    enum Policy {
        DEFAULT, QUEUE, DROP, JOURNAL;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final int DEFAULT_MAX_QUEUE_LENGTH = 1024;
    static final long DEFAULT_MAX_JOURNAL_BYTES = 1L << 30;
    private static final Set<String> OWN_OPTIONS = Set.of("policy", "max_queue_length", "max_journal_bytes");

    private final String written;
    private final String scheme;
    private final String target;
    private final Policy policy;
    private final int maxQueueLength;
    private final long maxJournalBytes;
    private final String warning;

    private PublisherUrl(String written, String scheme, String target, Policy policy, int maxQueueLength,
            long maxJournalBytes, String warning) {
        this.written = written;
        this.scheme = scheme;
        this.target = target;
        this.policy = policy;
        this.maxQueueLength = maxQueueLength;
        this.maxJournalBytes = maxJournalBytes;
        this.warning = warning;
    }

    /**
     * Reads a publisher URL ({@code udp://host:4952}, {@code file:///p?max_bytes=1&policy=queue}).
     * As Ceilometer, the last of repeated options counts, and an unknown policy falls back to
     * {@code default} with a warning.
     *
     * @throws IllegalArgumentException naming the option or the part that is wrong
     */
    static PublisherUrl parse(String url) {
        String scheme = Urls.scheme(url);
        int hash = url.indexOf('#');
        String fragment = hash < 0 ? "" : url.substring(hash);
        String noFragment = hash < 0 ? url : url.substring(0, hash);
        int q = noFragment.indexOf('?');
        String base = q < 0 ? noFragment : noFragment.substring(0, q);
        String query = q < 0 ? "" : noFragment.substring(q + 1);
        String policyText = null;
        String queueText = null;
        String journalText = null;
        List<String> kept = new ArrayList<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (!OWN_OPTIONS.contains(key)) {
                    kept.add(pair);
                } else if (key.equals("policy")) {
                    policyText = value;
                } else if (key.equals("max_queue_length")) {
                    queueText = value;
                } else {
                    journalText = value;
                }
            }
        }
        Policy policy = Policy.DEFAULT;
        String warning = null;
        if (policyText != null) {
            try {
                policy = Policy.valueOf(policyText.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                warning = "Publishing policy is unknown (" + policyText + ") force to default";
            }
        }
        int maxQueue = DEFAULT_MAX_QUEUE_LENGTH;
        if (queueText != null) {
            try {
                maxQueue = Integer.parseInt(queueText.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option 'max_queue_length' must be a whole number, not '"
                        + queueText + "'");
            }
        }
        long maxJournal = DEFAULT_MAX_JOURNAL_BYTES;
        if (journalText != null) {
            try {
                maxJournal = Long.parseLong(journalText.trim());
            } catch (NumberFormatException e) {
                maxJournal = -1;
            }
            if (maxJournal <= 0) {
                throw new IllegalArgumentException("option 'max_journal_bytes' must be a whole number > 0, not '"
                        + journalText + "'");
            }
        }
        String target = base + (kept.isEmpty() ? "" : "?" + String.join("&", kept)) + fragment;
        Urls.parse(target);
        return new PublisherUrl(url, scheme, target, policy, maxQueue, maxJournal, warning);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** The URL as the sink wrote it. */
    String written() {
        return written;
    }

    /** The URL as the sink wrote it, any password masked. */
    String display() {
        return Urls.mask(written);
    }

    String scheme() {
        return scheme;
    }

    /** The URL without the agent's options: what the publisher factory gets. */
    String target() {
        return target;
    }

    URI targetUri() {
        return Urls.parse(target);
    }

    Policy policy() {
        return policy;
    }

    /** Samples held in memory; 0 or less means no limit, as in Ceilometer. */
    int maxQueueLength() {
        return maxQueueLength;
    }

    long maxJournalBytes() {
        return maxJournalBytes;
    }

    /** A remark to log (an unknown policy), or null. */
    String warning() {
        return warning;
    }
}
