package org.ceilometer.osgi.pollster.dns;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.ceilometer.osgi.api.PollContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists every Designate zone once per polling cycle: the first caller pages through
 * {@code GET <endpoint>/v2/zones?limit=<page size>} with {@code X-Auth-All-Projects: True} (as
 * openstacksdk's {@code dns.zones(all_projects=True)} sends it), following {@code links.next}, and
 * keeps compact records in the cycle cache under {@code dns.zones:<endpoint>}, so the four zone meters of a
 * cycle cost one listing. Failures are thrown and not cached.
 */
final class DesignateZones {
    /** The catalog type of Designate ({@code [service_types] designate}). */
    static final String SERVICE_TYPE = "dns";
    /** Designate's {@code [service:api] max_limit_v2}. */
    static final int DEFAULT_PAGE_SIZE = 1000;
    static final String CACHE_PREFIX = "dns.zones:";
    /** The header that lists every project's resources, with openstacksdk's value. */
    static final Map<String, String> ALL_PROJECTS = Map.of("X-Auth-All-Projects", "True");

    private static final Logger LOG = LoggerFactory.getLogger(DesignateZones.class);

    private DesignateZones() {}

    /**
     * The {@code /v2} root of a Designate endpoint: the catalog URL without trailing slashes, with
     * {@code /v2} appended unless it ends with it already.
     */
    static String v2Root(String endpoint) {
        String e = endpoint.trim();
        while (e.endsWith("/")) {
            e = e.substring(0, e.length() - 1);
        }
        return e.endsWith("/v2") ? e : e + "/v2";
    }

    static String withLimit(String url, int pageSize) {
        return pageSize > 0 ? url + "?limit=" + pageSize : url;
    }

    static Map<String, String> headers(boolean allProjects) {
        return allProjects ? ALL_PROJECTS : Map.of();
    }

    /**
     * Every zone at the catalog's Designate endpoint, listed at most once per cycle.
     *
     * @throws org.ceilometer.osgi.api.openstack.EndpointNotFoundException when the catalog has no Designate
     * @throws Exception the listing's failure (not cached: a later caller of the cycle tries again)
     */
    static List<ZoneRecord> list(PollContext context, int pageSize, boolean allProjects) throws Exception {
        String root = v2Root(context.openstack().endpoint(SERVICE_TYPE));
        String key = CACHE_PREFIX + root + (allProjects ? "" : " (own project)");
        return context.cache().computeIfAbsent(key, () -> load(context, root, pageSize, allProjects));
    }

    private static List<ZoneRecord> load(PollContext context, String root, int pageSize, boolean allProjects)
            throws Exception {
        List<ZoneRecord> records = new ArrayList<>();
        ZoneRecord.Interner strings = new ZoneRecord.Interner();
        String url = withLimit(root + "/zones", pageSize);
        context.openstack().paginate(url, "zones", headers(allProjects), zone -> {
            if (context.isCancelled()) {
                throw new CancellationException("polling cycle cancelled while listing " + url);
            }
            records.add(ZoneRecord.of(zone, root, strings));
        });
        LOG.debug("Listed {} zones at {}", records.size(), root);
        return Collections.unmodifiableList(records);
    }
}
