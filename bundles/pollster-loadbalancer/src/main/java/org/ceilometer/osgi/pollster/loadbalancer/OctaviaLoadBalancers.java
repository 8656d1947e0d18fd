package org.ceilometer.osgi.pollster.loadbalancer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.ceilometer.osgi.api.PollContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists every Octavia load balancer once per polling cycle: the first caller pages through
 * {@code GET <endpoint>/v2/lbaas/loadbalancers?limit=<page size>}, following
 * {@code loadbalancers_links}, and keeps compact records in the cycle cache under
 * {@code loadbalancer.loadbalancers:<endpoint>}, so both meters of a cycle cost one listing. Failures
 * are thrown and not cached.
 */
final class OctaviaLoadBalancers {
    /** The catalog type of Octavia ({@code [service_types] octavia}). */
    static final String SERVICE_TYPE = "load-balancer";
    /** Octavia's {@code [api_settings] pagination_max_limit}. */
    static final int DEFAULT_PAGE_SIZE = 1000;
    static final String CACHE_PREFIX = "loadbalancer.loadbalancers:";

    private static final Logger LOG = LoggerFactory.getLogger(OctaviaLoadBalancers.class);

    private OctaviaLoadBalancers() {}

    /**
     * The {@code /v2} root of an Octavia endpoint: the catalog URL without trailing slashes, with
     * {@code /v2} appended unless it ends with {@code /v2} or {@code /v2.0} already.
     */
    static String v2Root(String endpoint) {
        String e = endpoint.trim();
        while (e.endsWith("/")) {
            e = e.substring(0, e.length() - 1);
        }
        return e.endsWith("/v2") || e.endsWith("/v2.0") ? e : e + "/v2";
    }

    /** The first page's URL. */
    static String listUrl(String root, int pageSize) {
        return root + "/lbaas/loadbalancers" + (pageSize > 0 ? "?limit=" + pageSize : "");
    }

    /**
     * Every load balancer at the catalog's Octavia endpoint, listed at most once per cycle.
     *
     * @throws org.ceilometer.osgi.api.openstack.EndpointNotFoundException when the catalog has no Octavia
     * @throws Exception the listing's failure (not cached: a later caller of the cycle tries again)
     */
    static List<LoadBalancerRecord> list(PollContext context, int pageSize) throws Exception {
        String root = v2Root(context.openstack().endpoint(SERVICE_TYPE));
        return context.cache().computeIfAbsent(CACHE_PREFIX + root, () -> load(context, root, pageSize));
    }

    private static List<LoadBalancerRecord> load(PollContext context, String root, int pageSize) throws Exception {
        List<LoadBalancerRecord> records = new ArrayList<>();
        LoadBalancerRecord.Interner strings = new LoadBalancerRecord.Interner();
        String url = listUrl(root, pageSize);
        context.openstack().paginate(url, "loadbalancers", Map.of(), lb -> {
            if (context.isCancelled()) {
                throw new CancellationException("polling cycle cancelled while listing " + url);
            }
            records.add(LoadBalancerRecord.of(lb, strings));
        });
        LOG.debug("Listed {} load balancers at {}", records.size(), root);
        return Collections.unmodifiableList(records);
    }
}
