package org.ceilometer.osgi.pollster.rgw;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.openstack.EndpointNotFoundException;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests behind the RGW meters, each made at most once per polling cycle and kept in the cycle
 * cache: the RGW endpoint, one {@code GET /admin/bucket?uid=<user>&stats=true} per project (for the
 * five bucket meters) and one {@code GET /admin/usage?uid=<user>} per project (for
 * {@code radosgw.api.request}). The requests of a round run on the cycle's bounded pool.
 *
 * <p>As Ceilometer's {@code _Base} and {@code RGWAdminClient}: the admin URL is the catalog URL's
 * scheme and host with the path {@code /admin} ({@code urljoin(url, '/admin')}); the user of a project
 * is its id, or {@code <id>$<id>} with {@code implicit_tenants}.
 */
final class RgwAccounts {
    static final String ENDPOINT_KEY = "rgw.endpoint:";
    static final String BUCKET_KEY = "rgw.get_bucket:";
    static final String USAGE_KEY = "rgw.get_usage:";
    static final String CREDENTIALS_KEY = "rgw.credentials";

    private static final JsonFactory JSON = new JsonFactory();
    private static final Logger LOG = LoggerFactory.getLogger(RgwAccounts.class);
    /** The settings a lookup by service name was last warned about, to warn once per configuration. */
    private static volatile RgwSettings warnedServiceName;

    private RgwAccounts() {}

    /**
     * The admin URL of RGW, looked up once per cycle; empty when the catalog has no RGW or the
     * configuration names none, which is logged once per cycle.
     */
    static Optional<String> endpoint(PollContext context, RgwSettings s) throws Exception {
        String key = ENDPOINT_KEY + s.serviceType() + "|" + s.serviceName();
        return context.cache().computeIfAbsent(key, () -> {
            String type = s.serviceType();
            if (type == null) {
                if (s.serviceName() == null) {
                    LOG.warn("Radosgw endpoint not configured: need either [rgw_client] rgw_service_name or "
                            + "[service_types] radosgw; the radosgw meters give no samples this cycle");
                } else {
                    LOG.warn("Radosgw endpoint: [rgw_client] rgw_service_name={} alone cannot be looked up here "
                            + "(the catalog is searched by service type): set [service_types] radosgw; the "
                            + "radosgw meters give no samples this cycle", s.serviceName());
                }
                return Optional.empty();
            }
            if (s.serviceName() != null && warnedServiceName != s) {
                warnedServiceName = s;
                LOG.warn("Radosgw endpoint: the first '{}' endpoint of the catalog is used; [rgw_client] "
                        + "rgw_service_name={} is not applied (the catalog is searched by service type)", type,
                        s.serviceName());
            }
            String url;
            try {
                url = context.openstack().endpoint(type);
            } catch (EndpointNotFoundException e) {
                LOG.warn("Radosgw endpoint not found: {}; the radosgw meters give no samples this cycle",
                        e.getMessage());
                return Optional.empty();
            }
            String admin = adminUrl(url);
            LOG.debug("Using endpoint {} for radosgw connections", admin);
            return Optional.of(admin);
        });
    }

    /**
     * {@code urljoin(url, '/admin')}: the catalog URL's scheme and authority, then {@code /admin} (its
     * path, query and fragment dropped).
     *
     * @throws OpenStackException when the catalog's URL is not an absolute URL
     */
    static String adminUrl(String catalogUrl) throws OpenStackException {
        try {
            URI u = new URI(catalogUrl.trim());
            if (u.getScheme() == null || u.getRawAuthority() == null) {
                throw new OpenStackException("the radosgw endpoint of the catalog is not an absolute URL: "
                        + catalogUrl, -1);
            }
            return u.getScheme() + "://" + u.getRawAuthority() + "/admin";
        } catch (URISyntaxException e) {
            throw new OpenStackException("the radosgw endpoint of the catalog is not a URL: " + catalogUrl, e);
        }
    }

    /** {@code <admin>/bucket?uid=<user>&stats=true}, as Ceilometer's {@code get_bucket} asks. */
    static String bucketUrl(String admin, String uid) {
        return admin + "/bucket?uid=" + SigV4.encodeParam(uid) + "&stats=true";
    }

    /** {@code <admin>/usage?uid=<user>}, as Ceilometer's {@code get_usage} asks. */
    static String usageUrl(String admin, String uid) {
        return admin + "/usage?uid=" + SigV4.encodeParam(uid);
    }

    /** The distinct project ids of the resources, in their order. */
    static List<String> projectIds(List<Resource> resources) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (Resource r : resources) {
            ids.add(r.id());
        }
        return new ArrayList<>(ids);
    }

    /** The bucket stats of every project's user, once per cycle for the same projects. */
    static AccountResults<BucketStats> buckets(PollContext context, RgwAdmin admin, RgwSettings s, String endpoint,
            List<String> projects) throws Exception {
        String key = BUCKET_KEY + endpoint + "|" + s.implicitTenants() + "|" + digest(projects);
        return context.cache().computeIfAbsent(key, () -> round(context, "GET /admin/bucket", projects,
                project -> admin.get(bucketUrl(endpoint, s.uid(project)), RgwAccounts::readBuckets)));
    }

    /** The API requests counted for every project's user, once per cycle for the same projects. */
    static AccountResults<Long> usage(PollContext context, RgwAdmin admin, RgwSettings s, String endpoint,
            List<String> projects) throws Exception {
        String key = USAGE_KEY + endpoint + "|" + s.implicitTenants() + "|" + digest(projects);
        return context.cache().computeIfAbsent(key, () -> round(context, "GET /admin/usage", projects,
                project -> admin.get(usageUrl(endpoint, s.uid(project)), RgwAccounts::readUsage)));
    }

    /** Thrown for a project to leave out: it has no RGW user (404). */
    private static final class NoUser extends Exception {
        private static final long serialVersionUID = 1L;

        NoUser() {
            super(null, null, false, false);
        }
    }

    private static <T> AccountResults<T> round(PollContext context, String what, List<String> projects,
            FanOut.Call<String, T> call) throws InterruptedException {
        long t0 = System.nanoTime();
        List<FanOut.Outcome<String, T>> outcomes = FanOut.run(context, projects, project -> {
            try {
                return call.call(project);
            } catch (RgwAdminException e) {
                if (e.status() == 404) {
                    LOG.debug("RGW: no user for project {} ({}), skipped", project, e.getMessage());
                    throw new NoUser();
                }
                if (e.status() == 403) {
                    throw new FanOut.StopRound(e);
                }
                throw e;
            }
        });
        List<AccountResults.Account<T>> accounts = new ArrayList<>(outcomes.size());
        int failed = 0;
        int withoutUser = 0;
        boolean refused = false;
        Exception first = null;
        for (FanOut.Outcome<String, T> o : outcomes) {
            if (o.error() == null) {
                accounts.add(new AccountResults.Account<>(o.key(), o.value()));
            } else if (o.error() instanceof NoUser) {
                withoutUser++;
            } else if (o.error() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while reading the RGW admin API");
            } else {
                failed++;
                boolean refusal = o.error() instanceof RgwAdminException r && r.status() == 403;
                if (first == null || (refusal && !refused)) {
                    first = o.error();
                }
                refused |= refusal;
                if (o.tried()) {
                    LOG.debug("RGW: {} of project {} failed: {}", what, o.key(), o.error().toString());
                }
            }
        }
        if (withoutUser == projects.size()) {
            LOG.warn("RGW: none of the {} projects has an RGW user ({} answered 404 for each); check "
                    + "[rgw_client] implicit_tenants", projects.size(), what);
        }
        LOG.debug("RGW: {} of {} projects in {} ms, {} read, {} without user, {} failed", what, projects.size(),
                (System.nanoTime() - t0) / 1_000_000, accounts.size(), withoutUser, failed);
        AccountResults.Failure failure = first == null ? null
                : new AccountResults.Failure(what, failed, projects.size(), first, refused);
        return new AccountResults<>(Collections.unmodifiableList(accounts), withoutUser, failure);
    }

    /**
     * Reads {@code GET /admin/bucket?stats=true}: a JSON list of buckets, each with {@code bucket} (its
     * name) and {@code usage} (an object per category, with {@code num_objects} and {@code size_kb}).
     * An empty answer is no bucket, as Ceilometer's {@code {}}.
     */
    static BucketStats readBuckets(InputStream in) throws IOException {
        try (JsonParser p = JSON.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return BucketStats.EMPTY;
            }
            if (t == JsonToken.START_OBJECT && p.nextToken() == JsonToken.END_OBJECT) {
                return BucketStats.EMPTY;
            }
            if (t != JsonToken.START_ARRAY) {
                throw new IOException("the bucket stats are not a JSON list");
            }
            long numBuckets = 0;
            long sizeKb = 0;
            long numObjects = 0;
            List<BucketStats.Bucket> buckets = new ArrayList<>();
            List<Long[]> categories = new ArrayList<>(2);
            while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
                numBuckets++;
                String name = null;
                categories.clear();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    if ("bucket".equals(field) && v == JsonToken.VALUE_STRING) {
                        name = p.getText();
                    } else if ("usage".equals(field) && v == JsonToken.START_OBJECT) {
                        readUsageCategories(p, categories);
                    } else {
                        p.skipChildren();
                    }
                }
                for (Long[] c : categories) {
                    numObjects += c[0] == null ? 0 : c[0];
                    sizeKb += c[1] == null ? 0 : c[1];
                    if (name != null) {
                        buckets.add(new BucketStats.Bucket(name, c[0], c[1]));
                    }
                }
            }
            if (t != JsonToken.END_ARRAY) {
                throw new IOException("the bucket stats list holds something other than buckets: " + t);
            }
            return new BucketStats(numBuckets, sizeKb, numObjects, Collections.unmodifiableList(buckets));
        }
    }

    private static void readUsageCategories(JsonParser p, List<Long[]> out) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            Long objects = null;
            Long kb = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                JsonToken x = p.nextToken();
                if ("num_objects".equals(k) && x == JsonToken.VALUE_NUMBER_INT) {
                    objects = p.getLongValue();
                } else if ("size_kb".equals(k) && x == JsonToken.VALUE_NUMBER_INT) {
                    kb = p.getLongValue();
                } else {
                    p.skipChildren();
                }
            }
            out.add(new Long[] {objects, kb});
        }
    }

    /**
     * Reads {@code GET /admin/usage}: the sum of {@code total.ops} over the entries of {@code summary},
     * as Ceilometer's {@code get_usage}; the {@code entries} are skipped as they stream by.
     *
     * @throws IOException when the answer has no {@code summary} (Ceilometer's {@code KeyError})
     */
    static Long readUsage(InputStream in) throws IOException {
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the usage answer is not a JSON object");
            }
            boolean summary = false;
            long ops = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (!"summary".equals(field) || v != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                summary = true;
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String k = p.currentName();
                        if (p.nextToken() == JsonToken.START_OBJECT && "total".equals(k)) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String tk = p.currentName();
                                if (p.nextToken() == JsonToken.VALUE_NUMBER_INT && "ops".equals(tk)) {
                                    ops += p.getLongValue();
                                } else {
                                    p.skipChildren();
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                }
            }
            if (!summary) {
                throw new IOException("the usage answer has no 'summary'");
            }
            return ops;
        }
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
