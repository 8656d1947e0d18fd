package org.ceilometer.osgi.pollster.rgw;

import java.util.List;
import org.ceilometer.osgi.api.openstack.OpenStackException;

/**
 * What one round of admin requests over the projects gave, kept in the cycle cache: the projects
 * read, in their order (those without an RGW user left out), and, when some failed, what to throw.
 *
 * @param <T> what is kept per project
 */
record AccountResults<T>(List<Account<T>> accounts, int withoutUser, Failure failure) {

    /** One project's answer. */
    record Account<T>(String projectId, T value) {}

    /**
     * The failed projects: how many of how many, the first failure, and whether RGW refused the
     * credentials (403), which stopped the round. Each pollster throws its own exception built from
     * it, so that no exception object is shared between threads.
     */
    record Failure(String what, int failed, int total, Exception first, boolean refused) {
        /** A fresh exception to throw, with the first failure's HTTP status and as its cause. */
        OpenStackException toException() {
            int status = first instanceof OpenStackException o ? o.status() : -1;
            OpenStackException e;
            if (refused) {
                String code = first instanceof RgwAdminException r ? r.code() : null;
                e = new RgwAdminException("the RGW admin API refused " + what + " (" + status
                        + (code == null ? "" : " " + code) + "): check [rgw_admin_credentials] access_key and "
                        + "secret_key, and that this RGW user has the buckets=read and usage=read caps; " + failed
                        + " of " + total + " projects not read", status, code);
            } else {
                e = new OpenStackException(what + " failed for " + failed + " of " + total
                        + " projects; the first: " + first.getMessage(), status);
            }
            e.initCause(first);
            return e;
        }
    }
}
