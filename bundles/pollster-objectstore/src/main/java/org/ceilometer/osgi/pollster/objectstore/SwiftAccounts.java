package org.ceilometer.osgi.pollster.objectstore;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.openstack.EndpointNotFoundException;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.api.openstack.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests behind the Swift meters, each made at most once per polling cycle and kept in the
 * cycle cache: the {@code object-store} endpoint, one {@code HEAD} per project's account (for the
 * three account meters) and one account listing per project, every page of it (for the two container
 * meters). The requests of a round run on the cycle's bounded pool.
 *
 * <p>As Ceilometer's {@code _Base._get_account_info}: an account answering 404 is skipped with a
 * warning, 403 with an error (the credentials lack a role such as {@code ResellerAdmin}); any other
 * failure fails that account only, and the pollsters throw it once the other accounts' samples are out.
 */
final class SwiftAccounts {
    static final String DEFAULT_RESELLER_PREFIX = "AUTH_";
    /** Swift's {@code account_listing_limit}. */
    static final int DEFAULT_PAGE_SIZE = 10_000;
    /** Ceilometer's {@code [service_types] swift}. */
    static final String SERVICE_TYPE = "object-store";

    static final String ENDPOINT_KEY = "swift.endpoint";
    static final String HEAD_KEY = "swift.head_account:";
    static final String GET_KEY = "swift.get_account:";

    private static final Logger LOG = LoggerFactory.getLogger(SwiftAccounts.class);

    private SwiftAccounts() {}

    /**
     * The Swift endpoint of the catalog, looked up once per cycle; empty when the catalog has none,
     * which is logged once per cycle.
     */
    static Optional<String> endpoint(PollContext context) throws Exception {
        return context.cache().computeIfAbsent(ENDPOINT_KEY, () -> {
            try {
                return Optional.of(context.openstack().endpoint(SERVICE_TYPE));
            } catch (EndpointNotFoundException e) {
                LOG.warn("Swift endpoint not found: {}; the Swift meters give no samples this cycle",
                        e.getMessage());
                return Optional.empty();
            }
        });
    }

    /**
     * The account URL of a project, rebuilt from the catalog's URL as Ceilometer's {@code _neaten_url}
     * does: the URL up to its first {@code /v1}, then {@code /v1/<reseller prefix><project>}. The
     * search for {@code /v1} starts after the host, which Ceilometer's does not.
     */
    static String accountUrl(String endpoint, String resellerPrefix, String projectId) {
        String e = endpoint.trim();
        int scheme = e.indexOf("://");
        int pathStart = scheme < 0 ? 0 : e.indexOf('/', scheme + 3);
        if (pathStart < 0) {
            pathStart = e.length();
        }
        int v1 = e.indexOf("/v1", pathStart);
        int query = firstOf(e, pathStart, '?', '#');
        if (v1 < 0 || (query >= 0 && v1 > query)) {
            v1 = query >= 0 ? query : e.length();
        }
        String base = e.substring(0, v1);
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/v1/" + resellerPrefix + URLEncoder.encode(projectId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static int firstOf(String s, int from, char a, char b) {
        int i = s.indexOf(a, from);
        int j = s.indexOf(b, from);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    /** The distinct project ids of the resources, in their order. */
    static List<String> projectIds(List<Resource> resources) {
        Set<String> ids = new LinkedHashSet<>();
        for (Resource r : resources) {
            ids.add(r.id());
        }
        return new ArrayList<>(ids);
    }

    /** The HEAD of every project's account, once per cycle for the same projects. */
    static AccountResults<AccountStats> heads(PollContext context, String endpoint, String resellerPrefix,
            List<String> projects) throws Exception {
        String key = HEAD_KEY + endpoint + "|" + resellerPrefix + "|" + digest(projects);
        return context.cache().computeIfAbsent(key, () -> round(context, "HEAD", projects,
                project -> head(context, accountUrl(endpoint, resellerPrefix, project), project)));
    }

    /** The whole container listing of every project's account, once per cycle for the same projects. */
    static AccountResults<List<ContainerStats>> listings(PollContext context, String endpoint, String resellerPrefix,
            int pageSize, List<String> projects) throws Exception {
        String key = GET_KEY + endpoint + "|" + resellerPrefix + "|" + pageSize + "|" + digest(projects);
        return context.cache().computeIfAbsent(key, () -> round(context, "GET", projects,
                project -> list(context, accountUrl(endpoint, resellerPrefix, project), pageSize)));
    }

    /** Thrown for an account to leave out (404, 403) rather than fail. */
    private static final class Skipped extends Exception {
        private static final long serialVersionUID = 1L;

        Skipped() {
            super(null, null, false, false);
        }
    }

    private static <T> AccountResults<T> round(PollContext context, String method, List<String> projects,
            FanOut.Call<String, T> call) throws InterruptedException {
        long t0 = System.nanoTime();
        List<FanOut.Outcome<String, T>> outcomes = FanOut.run(context, projects, project -> {
            try {
                return call.call(project);
            } catch (OpenStackException e) {
                if (e.status() == 404) {
                    LOG.warn("Swift account of project {} not found, skipped: {}", project, e.getMessage());
                    throw new Skipped();
                }
                if (e.status() == 403) {
                    LOG.error("The credentials configured do not have the roles to access the Swift account of "
                            + "project {}, skipped: {}", project, e.getMessage());
                    throw new Skipped();
                }
                throw e;
            }
        });
        List<AccountResults.Account<T>> accounts = new ArrayList<>(outcomes.size());
        int failed = 0;
        Exception first = null;
        for (FanOut.Outcome<String, T> o : outcomes) {
            if (o.error() == null) {
                accounts.add(new AccountResults.Account<>(o.key(), o.value()));
            } else if (o.error() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while reading the Swift accounts");
            } else if (!(o.error() instanceof Skipped)) {
                failed++;
                if (first == null) {
                    first = o.error();
                }
                LOG.debug("Swift {} of the account of project {} failed: {}", method, o.key(), o.error().toString());
            }
        }
        LOG.debug("Swift: {} of {} accounts in {} ms, {} read, {} failed", method, projects.size(),
                (System.nanoTime() - t0) / 1_000_000, accounts.size(), failed);
        AccountResults.Failure failure = first == null ? null
                : new AccountResults.Failure(method, failed, projects.size(), first);
        return new AccountResults<>(Collections.unmodifiableList(accounts), failure);
    }

    private static AccountStats head(PollContext context, String url, String project) throws OpenStackException {
        Response r = context.openstack().request("HEAD", url, Map.of(), null);
        if (!r.isSuccess()) {
            throw new OpenStackException("HEAD " + url + " answered " + r.status(), r.status());
        }
        return new AccountStats(project,
                header(r, url, "X-Account-Object-Count"),
                header(r, url, "X-Account-Bytes-Used"),
                header(r, url, "X-Account-Container-Count"));
    }

    private static long header(Response r, String url, String name) throws OpenStackException {
        String v = r.header(name);
        if (v == null) {
            throw new OpenStackException("HEAD " + url + ": no " + name + " header", -1);
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new OpenStackException("HEAD " + url + ": " + name + " is not a whole number: " + v, -1);
        }
    }

    private static List<ContainerStats> list(PollContext context, String url, int pageSize)
            throws OpenStackException {
        List<ContainerStats> containers = new ArrayList<>();
        Map<String, String> policies = new HashMap<>();
        context.openstack().paginateByMarker(url + "?format=json", null, "name", pageSize, Map.of(), c -> {
            if (context.isCancelled()) {
                throw new CancellationException("polling cycle cancelled while listing " + url);
            }
            JsonNode name = c.get("name");
            if (name == null || !name.isTextual()) {
                return; // a subdir entry, only given with a delimiter
            }
            JsonNode policy = c.get("storage_policy");
            String p = policy == null || policy.isNull() ? null : policies.computeIfAbsent(policy.asText(), k -> k);
            containers.add(new ContainerStats(name.asText(), number(c.get("count")), number(c.get("bytes")), p));
        });
        return Collections.unmodifiableList(containers);
    }

    private static Long number(JsonNode v) {
        return v == null || !v.canConvertToLong() || !v.isIntegralNumber() ? null : v.asLong();
    }

    /** A short, stable name for a list of project ids. */
    static String digest(List<String> projects) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : projects) {
                md.update(p.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return projects.size() + ":" + HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
