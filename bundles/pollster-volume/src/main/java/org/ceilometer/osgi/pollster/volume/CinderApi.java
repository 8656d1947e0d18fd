package org.ceilometer.osgi.pollster.volume;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BiFunction;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cinder's Block Storage API v3 as Ceilometer's cinderclient calls it: the endpoint of the configured
 * catalog type, the microversion header on every request, {@code all_tenants} lists followed through
 * their {@code <collection>_links} to the end, each listing loaded once per polling cycle into the cycle
 * cache as compact records.
 */
final class CinderApi {
    static final String DEFAULT_SERVICE_TYPE = "volumev3";
    /** The microversion of Ceilometer's cinderclient ({@code ceilometer/cinder_client.py}). */
    static final String DEFAULT_API_VERSION = "3.64";
    static final String VERSION_HEADER = "OpenStack-API-Version";
    static final String CACHE_PREFIX = "volume.";

    private static final Logger LOG = LoggerFactory.getLogger(CinderApi.class);

    private final String serviceType;
    private final String apiVersion;
    private final Map<String, String> headers;
    private final int pageSize;

    CinderApi(CinderConfig config) {
        String type = config.service__type();
        this.serviceType = type == null || type.isBlank() ? DEFAULT_SERVICE_TYPE : type.trim();
        String v = config.api__version();
        this.apiVersion = v == null ? "" : v.trim();
        this.headers = apiVersion.isEmpty() ? Map.of() : Map.of(VERSION_HEADER, "volume " + apiVersion);
        this.pageSize = config.page__size();
    }

    String serviceType() {
        return serviceType;
    }

    /** The headers of every request: the microversion, unless configured empty. */
    Map<String, String> headers() {
        return headers;
    }

    /**
     * The v3 root of an endpoint: as the catalog gives it when its path names {@code v3}
     * ({@code http://h/volume/v3/<project>}), else with {@code /v3} appended.
     */
    static String versioned(String endpoint) {
        String e = endpoint.trim();
        while (e.endsWith("/")) {
            e = e.substring(0, e.length() - 1);
        }
        String path;
        try {
            path = URI.create(e).getRawPath();
        } catch (IllegalArgumentException ex) {
            path = e;
        }
        if (path != null) {
            for (String segment : path.split("/")) {
                if ("v3".equals(segment)) {
                    return e;
                }
            }
        }
        return e + "/v3";
    }

    /** The v3 root of the catalog's Cinder endpoint; {@code EndpointNotFoundException} when there is none. */
    String root(PollContext context) throws OpenStackException {
        return versioned(context.openstack().endpoint(serviceType));
    }

    /**
     * Every item of a list of all projects, loaded at most once per cycle.
     *
     * @param path below the v3 root, with its query ({@code volumes/detail?all_tenants=True})
     * @param pageable whether Cinder pages this list (the page size is then added as {@code limit})
     * @param mapper the compact record of one item, or null to leave the item out
     */
    <T> List<T> list(PollContext context, String path, String itemsKey, boolean pageable,
            BiFunction<JsonNode, JsonValues.Interner, T> mapper) throws Exception {
        String url = root(context) + "/" + path;
        if (pageable && pageSize > 0) {
            url += (url.indexOf('?') < 0 ? "?" : "&") + "limit=" + pageSize;
        }
        String first = url;
        return context.cache().computeIfAbsent(CACHE_PREFIX + itemsKey + ":" + apiVersion + ":" + first,
                () -> load(context, first, itemsKey, mapper));
    }

    private <T> List<T> load(PollContext context, String url, String itemsKey,
            BiFunction<JsonNode, JsonValues.Interner, T> mapper) throws OpenStackException {
        long t0 = System.nanoTime();
        List<T> out = new ArrayList<>();
        JsonValues.Interner strings = new JsonValues.Interner();
        int[] skipped = new int[1];
        context.openstack().paginate(url, itemsKey, headers, item -> {
            if (context.isCancelled()) {
                throw new CancellationException("polling cycle cancelled while listing " + url);
            }
            T record = mapper.apply(item, strings);
            if (record == null) {
                skipped[0]++;
            } else {
                out.add(record);
            }
        });
        LOG.debug("Cinder: {} {} listed from {} in {} ms, {} without id left out", out.size(), itemsKey, url,
                (System.nanoTime() - t0) / 1_000_000, skipped[0]);
        return Collections.unmodifiableList(out);
    }
}
