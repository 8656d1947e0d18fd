package org.ceilometer.osgi.pollster.rgw;

import java.io.IOException;
import java.io.InputStream;
import org.ceilometer.osgi.api.openstack.OpenStackException;

/**
 * The RGW admin ops API client the pollsters share: its settings, and signed GETs. A service of this
 * bundle only (the package is private); it carries no configuration property, so that the secret key
 * is never published.
 */
public interface RgwAdmin {
    /** The settings in force. */
    RgwSettings settings();

    /**
     * A GET of an admin API URL, signed with AWS Signature Version 4.
     *
     * @param reader reads the body of a 200 answer (empty when there is none)
     * @throws RgwAdminException when RGW answers anything but 200 (its status and error code)
     * @throws OpenStackException when there is no answer, the credentials are missing or the body
     *     cannot be read
     */
    <T> T get(String url, BodyReader<T> reader) throws OpenStackException;

    /** Reads the body of an answer. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }
}
