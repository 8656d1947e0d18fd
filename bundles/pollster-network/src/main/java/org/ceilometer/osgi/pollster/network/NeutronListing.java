package org.ceilometer.osgi.pollster.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists one Neutron collection, once per polling cycle: the first caller pages through
 * {@code GET <endpoint>/v2.0/<collection>?limit=<page size>}, following Neutron's
 * {@code <collection>_links}, and keeps compact records in the cycle cache under
 * {@code network.<collection>:<endpoint>}. A 404 (the VPNaaS or FWaaS extension is not enabled) gives
 * an empty list and one warning, as master's {@code neutron_client.logged} does; other failures are
 * thrown and not cached.
 */
final class NeutronListing {
    /** The catalog type of Neutron ({@code [service_types] neutron}). */
    static final String SERVICE_TYPE = "network";
    /** Neutron pages nothing unless asked to; 1000 items per request keeps pages reasonable. */
    static final int DEFAULT_PAGE_SIZE = 1000;
    static final String CACHE_PREFIX = "network.";

    private static final Logger LOG = LoggerFactory.getLogger(NeutronListing.class);

    private NeutronListing() {}

    /**
     * The {@code /v2.0} root of a Neutron endpoint: the catalog URL without trailing slashes, with
     * {@code /v2.0} appended unless it ends with it already.
     */
    static String v2Root(String endpoint) {
        String e = endpoint.trim();
        while (e.endsWith("/")) {
            e = e.substring(0, e.length() - 1);
        }
        return e.endsWith("/v2.0") ? e : e + "/v2.0";
    }

    /** The first page's URL. */
    static String listUrl(String endpoint, NeutronKind kind, int pageSize) {
        return v2Root(endpoint) + kind.path + (pageSize > 0 ? "?limit=" + pageSize : "");
    }

    /**
     * Every resource of a kind at the catalog's Neutron endpoint, listed at most once per cycle.
     *
     * @throws org.ceilometer.osgi.api.openstack.EndpointNotFoundException when the catalog has no Neutron
     * @throws Exception the listing's failure (not cached: a later caller of the cycle tries again)
     */
    static List<NeutronRecord> list(PollContext context, NeutronKind kind, int pageSize, boolean showPsk)
            throws Exception {
        String endpoint = v2Root(context.openstack().endpoint(SERVICE_TYPE));
        return context.cache().computeIfAbsent(CACHE_PREFIX + kind.itemsKey + ":" + endpoint,
                () -> load(context, endpoint, kind, pageSize, showPsk));
    }

    private static List<NeutronRecord> load(PollContext context, String endpoint, NeutronKind kind, int pageSize,
            boolean showPsk) throws OpenStackException {
        List<NeutronRecord> records = new ArrayList<>();
        NeutronRecord.Interner strings = new NeutronRecord.Interner();
        String url = listUrl(endpoint, kind, pageSize);
        try {
            context.openstack().paginate(url, kind.itemsKey, Map.of(), item -> {
                if (context.isCancelled()) {
                    throw new CancellationException("polling cycle cancelled while listing " + url);
                }
                records.add(NeutronRecord.of(kind, item, strings, showPsk));
            });
        } catch (OpenStackException e) {
            if (e.status() == 404) {
                LOG.warn("Neutron at {} has no {} (404): is its extension enabled? No {} samples this cycle",
                        endpoint, kind.path.substring(1), kind.label);
                return List.of();
            }
            throw e;
        }
        LOG.debug("Listed {} {}s at {}", records.size(), kind.label, endpoint);
        return Collections.unmodifiableList(records);
    }
}
