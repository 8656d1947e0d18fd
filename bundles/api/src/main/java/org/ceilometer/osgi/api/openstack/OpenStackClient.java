package org.ceilometer.osgi.api.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A Keystone v3 session: a token cached and renewed before it expires (and once on a 401), the
 * service catalog filtered by the configured region and interface, and JSON requests with connect and
 * read timeouts always set. Thread-safe.
 *
 * <p>No method puts a password or a token into an exception message.
 */
@ProviderType
public interface OpenStackClient {
    /** Whether credentials are configured at all (PID, {@code OS_*} or clouds.yaml). */
    boolean isConfigured();

    /** The auth URL, user, project, region and interface, without secrets. */
    String describe();

    /**
     * The URLs of a service type in the catalog, for the configured interface and region.
     *
     * @return empty when the catalog has none
     */
    List<String> endpoints(String serviceType) throws OpenStackException;

    /**
     * The first URL of {@link #endpoints(String)}.
     *
     * @throws EndpointNotFoundException when the catalog has none
     */
    String endpoint(String serviceType) throws OpenStackException;

    /** The project the token is scoped to. */
    String projectId() throws OpenStackException;

    /** A GET of JSON, with the token. */
    JsonNode getJson(String url, Map<String, String> headers) throws OpenStackException;

    default JsonNode getJson(String url) throws OpenStackException {
        return getJson(url, Map.of());
    }

    /** Any request with the token; the body is read whole. Non-2xx statuses are returned, not thrown. */
    Response request(String method, String url, Map<String, String> headers, byte[] body)
            throws OpenStackException;

    /**
     * Every item of a paginated list, streamed: the items under {@code itemsKey} of each page (the page
     * itself when it is a JSON array), following {@code next} (Glance), {@code links.next} (Keystone,
     * Designate) and {@code <itemsKey>_links} (Neutron, Cinder, Octavia, Manila) until there is none.
     */
    void paginate(String url, String itemsKey, Map<String, String> headers, Consumer<JsonNode> item)
            throws OpenStackException;

    /**
     * Every item of a list paged by marker (Swift): asks for {@code limit} items, then again with
     * {@code marker=<markerField of the last item>} until a page is shorter than the limit.
     *
     * @param itemsKey null when the page is a JSON array
     */
    void paginateByMarker(String url, String itemsKey, String markerField, int limit,
            Map<String, String> headers, Consumer<JsonNode> item) throws OpenStackException;
}
