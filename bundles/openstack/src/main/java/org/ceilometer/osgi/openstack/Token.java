package org.ceilometer.osgi.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A Keystone token with its catalog. Its expiry is kept on the local clock (the time it was obtained
 * plus its lifetime), so that a skew between this host and Keystone does not matter.
 */
final class Token {
    private static final Duration MIN_MARGIN = Duration.ofSeconds(60);

    final String value;
    final String projectId;
    final String userId;
    final Catalog catalog;
    /** Local instant it expires, or null when Keystone gave no expiry. */
    final Instant expiresAt;
    /** When to renew it (before {@link #expiresAt}), or null. */
    final Instant renewAt;

    private Token(String value, String projectId, String userId, Catalog catalog, Instant expiresAt,
            Instant renewAt) {
        this.value = value;
        this.projectId = projectId;
        this.userId = userId;
        this.catalog = catalog;
        this.expiresAt = expiresAt;
        this.renewAt = renewAt;
    }

    /**
     * @param body the response body of {@code POST /v3/auth/tokens}
     * @param obtainedAt the local time the response came in
     */
    static Token parse(String value, JsonNode body, Instant obtainedAt) {
        JsonNode t = body.path("token");
        Instant expires = instant(t.path("expires_at").asText(null));
        Instant issued = instant(t.path("issued_at").asText(null));
        Instant localExpiry = null;
        Instant renew = null;
        if (expires != null) {
            Duration lifetime = issued != null && issued.isBefore(expires)
                    ? Duration.between(issued, expires)
                    : Duration.between(obtainedAt, expires);
            if (lifetime.isNegative()) {
                lifetime = Duration.ZERO;
            }
            localExpiry = obtainedAt.plus(lifetime);
            // Renew when less than max(60 s, 10% of the lifetime) remains, but never sooner than halfway.
            Duration margin = lifetime.dividedBy(10);
            if (margin.compareTo(MIN_MARGIN) < 0) {
                margin = MIN_MARGIN;
            }
            Duration half = lifetime.dividedBy(2);
            if (margin.compareTo(half) > 0) {
                margin = half;
            }
            renew = localExpiry.minus(margin);
        }
        String project = t.path("project").path("id").asText(null);
        if (project == null) {
            project = t.path("application_credential").path("project_id").asText(null);
        }
        return new Token(value, project, t.path("user").path("id").asText(null), Catalog.parse(t.path("catalog")),
                localExpiry, renew);
    }

    boolean needsRenewal(Instant now) {
        return renewAt != null && !now.isBefore(renewAt);
    }

    private static Instant instant(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                // Keystone's older form has no zone: 2015-08-27T09:49:58.000000 (UTC)
                return java.time.LocalDateTime.parse(s.endsWith("Z") ? s.substring(0, s.length() - 1) : s)
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    @Override
    public String toString() {
        return "token(project=" + projectId + ", expires=" + expiresAt + ")";
    }
}
