package org.ceilometer.osgi.simulator.swift;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.ceilometer.osgi.simulator.SimProject;
import org.ceilometer.osgi.simulator.core.ServiceContext;
import org.ceilometer.osgi.simulator.core.ServiceHandler;
import org.ceilometer.osgi.simulator.core.SimRequest;
import org.ceilometer.osgi.simulator.core.SimResponse;
import org.ceilometer.osgi.simulator.core.TokenStore;

/**
 * Swift's Object Storage API v1, the account part, shaped on the API reference ("Accounts") and
 * Swift's {@code account_listing_response}:
 *
 * <ul>
 *   <li>{@code HEAD /v1/<account>}: 204 with {@code X-Account-Container-Count},
 *       {@code X-Account-Object-Count}, {@code X-Account-Bytes-Used}, {@code X-Timestamp},
 *       {@code X-Account-Storage-Policy-<name>-{Container-Count,Object-Count,Bytes-Used}}.
 *   <li>{@code GET /v1/<account>}: the same headers and the containers sorted by name as a JSON list
 *       of {@code name}, {@code count}, {@code bytes}, {@code last_modified} and {@code storage_policy}
 *       (left out when unknown, as Swift does); {@code limit} (default and maximum 10,000, 412 above),
 *       {@code marker}, {@code end_marker} (both exclusive), {@code prefix}. An empty account or
 *       page is {@code 200 []}, as Swift answers JSON listings.
 *   <li>{@code GET /info} without token: the cluster's capabilities.
 * </ul>
 *
 * <p>The catalog's URL for a token is {@code <endpoint>/v1/AUTH_<project of the token>}, as devstack
 * registers Swift. Any project-scoped token may read any account (as a user with Swift's
 * {@code ResellerAdmin} role may). An account without the {@code AUTH_} prefix answers 403 (keystoneauth
 * denies it); an {@code AUTH_} account of no Keystone project answers 404 (a Swift without
 * {@code account_autocreate}). Listings are always JSON ({@code format=plain} and {@code xml},
 * {@code delimiter} and {@code reverse} are not simulated); container and object paths answer 501.
 */
public final class SwiftService implements ServiceHandler {
    /** Swift's {@code account_listing_limit}: the default and the largest page. */
    public static final int LISTING_LIMIT = 10_000;

    private final SwiftAccounts accounts;

    public SwiftService(ServiceContext context, SwiftAccounts accounts) {
        this.accounts = accounts;
    }

    public SwiftAccounts accounts() {
        return accounts;
    }

    @Override
    public String type() {
        return "object-store";
    }

    @Override
    public String name() {
        return "swift";
    }

    @Override
    public String catalogSuffix(TokenStore.Token token) {
        return token.project() == null ? "/v1" : "/v1/" + SwiftAccounts.accountName(token.project());
    }

    @Override
    public boolean requiresToken(SimRequest r) {
        return !"/info".equals(r.path());
    }

    @Override
    public SimResponse handle(SimRequest r) throws IOException {
        String p = r.path();
        if ("/info".equals(p)) {
            return r.isRead() ? info() : SimResponse.error(405, "The method is not allowed for this resource.");
        }
        if (!p.startsWith("/v1/") || p.length() == "/v1/".length()) {
            return SimResponse.error(404, "The resource could not be found.");
        }
        String rest = p.substring("/v1/".length());
        int slash = rest.indexOf('/');
        if (slash >= 0 && slash < rest.length() - 1) {
            return SimResponse.error(501, "Containers and objects are not simulated.");
        }
        String account = slash < 0 ? rest : rest.substring(0, slash);
        if (!account.startsWith(SwiftAccounts.RESELLER_PREFIX)) {
            return SimResponse.error(403, "Forbidden: no reseller prefix of this cluster matches " + account);
        }
        if (!r.isRead()) {
            return SimResponse.error(405, "The method is not allowed for this resource.");
        }
        Optional<SimProject> project = accounts.projectOfAccount(account);
        if (project.isEmpty()) {
            return SimResponse.error(404, "Account " + account + " not found.");
        }
        SimAccount a = accounts.account(project.get());
        if ("HEAD".equals(r.method())) {
            return headers(SimResponse.empty(204), a).header("Content-Type", "text/plain; charset=utf-8");
        }
        return list(r, project.get(), a);
    }

    private SimResponse list(SimRequest r, SimProject project, SimAccount account) {
        int limit = LISTING_LIMIT;
        String given = r.param("limit");
        if (given != null && !given.isEmpty() && given.chars().allMatch(Character::isDigit)) {
            try {
                limit = Integer.parseInt(given);
            } catch (NumberFormatException e) {
                limit = Integer.MAX_VALUE;
            }
            if (limit > LISTING_LIMIT) {
                return SimResponse.error(412, "Maximum limit is " + LISTING_LIMIT);
            }
        }
        String marker = r.param("marker");
        String endMarker = r.param("end_marker");
        String prefix = r.param("prefix");
        int start = marker == null || marker.isEmpty() ? 0 : accounts.after(project, marker);
        if (prefix != null && !prefix.isEmpty()) {
            start = Math.max(start, accounts.atOrAfter(project, prefix));
        }
        int first = start;
        int max = limit;
        int n = accounts.containerCount(project);
        return headers(SimResponse.streamedJson(200, g -> {
            g.writeStartArray();
            int written = 0;
            for (int i = first; i < n && written < max; i++) {
                SimContainer c = accounts.container(project, i);
                if (prefix != null && !c.name().startsWith(prefix)) {
                    break;
                }
                if (endMarker != null && !endMarker.isEmpty()
                        && SwiftAccounts.compareUtf8(c.name(), endMarker) >= 0) {
                    break;
                }
                g.writeStartObject();
                g.writeStringField("name", c.name());
                g.writeNumberField("count", c.count());
                g.writeNumberField("bytes", c.bytes());
                g.writeStringField("last_modified", c.lastModified());
                if (c.storagePolicy() != null) {
                    g.writeStringField("storage_policy", c.storagePolicy());
                }
                g.writeEndObject();
                written++;
            }
            g.writeEndArray();
        }), account);
    }

    private static SimResponse headers(SimResponse resp, SimAccount a) {
        resp.header("X-Account-Container-Count", Long.toString(a.containerCount()))
                .header("X-Account-Object-Count", Long.toString(a.objectCount()))
                .header("X-Account-Bytes-Used", Long.toString(a.bytesUsed()))
                .header("X-Timestamp", a.timestamp())
                .header("X-PUT-Timestamp", a.timestamp());
        for (SimAccount.PolicyStats s : a.policies()) {
            String prefix = "X-Account-Storage-Policy-" + s.policy() + "-";
            resp.header(prefix + "Container-Count", Long.toString(s.containerCount()))
                    .header(prefix + "Object-Count", Long.toString(s.objectCount()))
                    .header(prefix + "Bytes-Used", Long.toString(s.bytesUsed()));
        }
        String trans = transactionId();
        return resp.header("Accept-Ranges", "bytes").header("X-Trans-Id", trans)
                .header("X-Openstack-Request-Id", trans);
    }

    /** Shaped like Swift's: {@code tx} + 21 hex digits + {@code -} + the time in hex. */
    private static String transactionId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String hex = Long.toHexString(r.nextLong() | Long.MIN_VALUE) + Long.toHexString(r.nextLong() | Long.MIN_VALUE);
        return "tx" + hex.substring(0, 21) + "-" + String.format("%010x", System.currentTimeMillis() / 1000);
    }

    private static SimResponse info() {
        return SimResponse.json(200, g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("swift");
            g.writeStringField("version", "2.35.0");
            g.writeNumberField("account_listing_limit", LISTING_LIMIT);
            g.writeNumberField("container_listing_limit", LISTING_LIMIT);
            g.writeNumberField("max_account_name_length", 256);
            g.writeNumberField("max_container_name_length", 256);
            g.writeArrayFieldStart("policies");
            for (int i = 0; i < SwiftAccounts.POLICIES.size(); i++) {
                g.writeStartObject();
                g.writeStringField("name", SwiftAccounts.POLICIES.get(i));
                if (i == 0) {
                    g.writeBooleanField("default", true);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        });
    }
}
