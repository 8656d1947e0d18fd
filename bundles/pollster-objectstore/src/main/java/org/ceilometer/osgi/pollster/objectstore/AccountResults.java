package org.ceilometer.osgi.pollster.objectstore;

import java.util.List;
import org.ceilometer.osgi.api.openstack.OpenStackException;

/**
 * What one round of requests over the projects' accounts gave, kept in the cycle cache: the
 * accounts read, in the projects' order (those skipped on 404 or 403 left out), and, when some
 * failed otherwise, one exception that tells how many and carries the first as its cause.
 *
 * @param <T> what is kept per account
 */
record AccountResults<T>(List<Account<T>> accounts, Failure failure) {

    /** One project's account. */
    record Account<T>(String projectId, T value) {}

    /**
     * The failed accounts: how many of how many, and the first failure. Each pollster throws its own
     * exception built from it, so that no exception object is shared between threads.
     */
    record Failure(String what, int failed, int total, Exception first) {
        /** A fresh exception to throw, with the first failure's HTTP status and as its cause. */
        OpenStackException toException() {
            int status = first instanceof OpenStackException o ? o.status() : -1;
            OpenStackException e = new OpenStackException(what + " failed for " + failed + " of " + total
                    + " Swift accounts; the first: " + first.getMessage(), status);
            e.initCause(first);
            return e;
        }
    }
}
