package org.ceilometer.osgi.pollster.share;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every Manila share of every project, as Ceilometer's openstacksdk lists them
 * ({@code shared_file_system.shares(all_projects=True)}: {@code GET <v2 root>/shares/detail?all_tenants=True}),
 * loaded once per polling cycle into the cycle cache as compact records.
 *
 * <p>Without a page size, one request returns every share (Manila applies no limit of its own to this
 * list), read as a stream. With one, pages go by {@code limit} and {@code offset}, which is how Manila
 * pages shares: the {@code next} link of its {@code shares_links} carries a {@code marker} that the share
 * list ignores, so following it would read the first page again. A share seen twice across pages (a new
 * share shifts the newest-first order) is kept once.
 */
final class ManilaShares {
    static final String DEFAULT_SERVICE_TYPE = "sharev2";
    /** What Manila serves a client that sends no microversion, as Ceilometer's openstacksdk does. */
    static final String DEFAULT_API_VERSION = "2.0";
    static final String VERSION_HEADER = "X-OpenStack-Manila-API-Version";
    static final String CACHE_PREFIX = "share.shares:";

    private static final Logger LOG = LoggerFactory.getLogger(ManilaShares.class);

    private final String serviceType;
    private final String apiVersion;
    private final Map<String, String> headers;
    private final int pageSize;

    ManilaShares(ManilaConfig config) {
        String type = config.service__type();
        this.serviceType = type == null || type.isBlank() ? DEFAULT_SERVICE_TYPE : type.trim();
        String v = config.api__version();
        this.apiVersion = v == null ? "" : v.trim();
        this.headers = apiVersion.isEmpty() ? Map.of() : Map.of(VERSION_HEADER, apiVersion);
        this.pageSize = config.page__size();
    }

    /**
     * The v2 root of an endpoint: as the catalog gives it when its path has a {@code v2} segment
     * ({@code http://h:8786/v2/<project>}), else with {@code /v2} appended.
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
                if ("v2".equals(segment)) {
                    return e;
                }
            }
        }
        return e + "/v2";
    }

    /** The shares of this cycle; {@code EndpointNotFoundException} when the catalog has no Manila. */
    List<ShareRecord> list(PollContext context) throws Exception {
        String url = versioned(context.openstack().endpoint(serviceType)) + "/shares/detail?all_tenants=True";
        return context.cache().computeIfAbsent(CACHE_PREFIX + apiVersion + ":" + pageSize + ":" + url,
                () -> pageSize > 0 ? loadByOffset(context, url) : loadAll(context, url));
    }

    private List<ShareRecord> loadAll(PollContext context, String url) throws OpenStackException {
        long t0 = System.nanoTime();
        Collector c = new Collector(context, url);
        context.openstack().paginate(url, "shares", headers, c::add);
        LOG.debug("Manila: {} shares listed from {} in one response in {} ms", c.shares.size(), url,
                (System.nanoTime() - t0) / 1_000_000);
        return c.result();
    }

    private List<ShareRecord> loadByOffset(PollContext context, String url) throws OpenStackException {
        long t0 = System.nanoTime();
        Collector c = new Collector(context, url);
        int pages = 0;
        for (int offset = 0; ; offset += pageSize) {
            String pageUrl = url + "&limit=" + pageSize + "&offset=" + offset;
            JsonNode page = context.openstack().getJson(pageUrl, headers);
            JsonNode items = page.get("shares");
            if (items == null || !items.isArray()) {
                throw new OpenStackException("GET " + pageUrl + ": the response has no 'shares' list", -1);
            }
            pages++;
            int before = c.shares.size();
            items.forEach(c::add);
            if (items.size() < pageSize) {
                break;
            }
            if (c.shares.size() == before) {
                LOG.warn("Manila: a full page at offset {} of {} brought no new share; stopped paging", offset, url);
                break;
            }
        }
        LOG.debug("Manila: {} shares listed from {} in {} pages of {} in {} ms", c.shares.size(), url, pages,
                pageSize, (System.nanoTime() - t0) / 1_000_000);
        return c.result();
    }

    /** Takes shares one at a time: records, each id once. */
    private static final class Collector {
        final PollContext context;
        final String url;
        final List<ShareRecord> shares = new ArrayList<>();
        final Set<String> ids = new HashSet<>();
        final ShareRecord.Interner strings = new ShareRecord.Interner();
        int withoutId;

        Collector(PollContext context, String url) {
            this.context = context;
            this.url = url;
        }

        void add(JsonNode item) {
            if (context.isCancelled()) {
                throw new CancellationException("polling cycle cancelled while listing " + url);
            }
            ShareRecord r = ShareRecord.of(item, strings);
            if (r == null) {
                withoutId++;
            } else if (ids.add(r.id)) {
                shares.add(r);
            }
        }

        List<ShareRecord> result() {
            if (withoutId > 0) {
                LOG.debug("Manila: {} shares without id left out of {}", withoutId, url);
            }
            return Collections.unmodifiableList(shares);
        }
    }
}
