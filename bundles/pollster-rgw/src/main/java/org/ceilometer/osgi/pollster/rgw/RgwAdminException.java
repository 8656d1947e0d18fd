package org.ceilometer.osgi.pollster.rgw;

import org.ceilometer.osgi.api.openstack.OpenStackException;

/** RGW answered an admin request with an error: its HTTP status and S3 error code ({@code Code}). */
public final class RgwAdminException extends OpenStackException {
    private static final long serialVersionUID = 1L;
    private final String code;

    RgwAdminException(String message, int status, String code) {
        super(message, status);
        this.code = code;
    }

    /** RGW's {@code Code} ({@code SignatureDoesNotMatch}, {@code AccessDenied}, ...), or null. */
    public String code() {
        return code;
    }
}
