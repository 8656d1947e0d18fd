package org.ceilometer.osgi.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PublisherUrlTest {

    @Test
    void takesOutThePolicyOptionsAndKeepsTheRest() {
        PublisherUrl u = PublisherUrl.parse("http://u:pw@h:8080/p?timeout=3&policy=queue&max_queue_length=7&batch=false");
        assertEquals("http", u.scheme());
        assertEquals(PublisherUrl.Policy.QUEUE, u.policy());
        assertEquals(7, u.maxQueueLength());
        assertEquals("http://u:pw@h:8080/p?timeout=3&batch=false", u.target());
        assertEquals("http://u:***@h:8080/p?timeout=3&policy=queue&max_queue_length=7&batch=false", u.display());
        assertNull(u.warning());
    }

    @Test
    void defaultsAreCeilometers() {
        PublisherUrl u = PublisherUrl.parse("notifier://");
        assertEquals(PublisherUrl.Policy.DEFAULT, u.policy());
        assertEquals(1024, u.maxQueueLength());
        assertEquals("notifier://", u.target());
        assertEquals("notifier", u.targetUri().getScheme());
        assertEquals(1L << 30, u.maxJournalBytes());
    }

    @Test
    void theLastOfRepeatedOptionsCountsAndJournalIsOurs() {
        PublisherUrl u = PublisherUrl.parse("database://?policy=drop&policy=journal&max_journal_bytes=4096");
        assertEquals(PublisherUrl.Policy.JOURNAL, u.policy());
        assertEquals(4096, u.maxJournalBytes());
        assertEquals("database://", u.target());
    }

    @Test
    void anUnknownPolicyFallsBackToDefaultWithAWarning() {
        PublisherUrl u = PublisherUrl.parse("udp://h?policy=jornal");
        assertEquals(PublisherUrl.Policy.DEFAULT, u.policy());
        assertTrue(u.warning().contains("unknown (jornal)"), u.warning());
        assertEquals("udp://h", u.target());
    }

    @Test
    void badNumbersAreRefusedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PublisherUrl.parse("udp://h?max_queue_length=x")).getMessage().contains("'max_queue_length'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PublisherUrl.parse("udp://h?max_journal_bytes=0")).getMessage().contains("'max_journal_bytes'"));
        assertThrows(IllegalArgumentException.class, () -> PublisherUrl.parse("no scheme here"));
    }
}
