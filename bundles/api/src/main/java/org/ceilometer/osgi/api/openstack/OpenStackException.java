package org.ceilometer.osgi.api.openstack;

import java.io.IOException;

/** A failed OpenStack request: the method, the URL (without credentials) and the HTTP status if any. */
public class OpenStackException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public OpenStackException(String message, int status) {
        super(message);
        this.status = status;
    }

    public OpenStackException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
    }

    /** The HTTP status, or -1 when there was no response. */
    public int status() {
        return status;
    }
}
