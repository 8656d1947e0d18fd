package org.ceilometer.osgi.simulator.core;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ceilometer.osgi.simulator.SimProject;

/**
 * The tokens Keystone issued: random strings that expire after the configured lifetime, or all at
 * once on demand. Thread-safe.
 */
public final class TokenStore {
    private static final int PURGE_THRESHOLD = 1024;

    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration ttl;

    public TokenStore(Clock clock, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive: " + ttl);
        }
        this.clock = clock;
        this.ttl = ttl;
    }

    /** One issued token. */
    public static final class Token {
        private final String id;
        private final String userId;
        private final SimProject project;
        private final List<String> methods;
        private final Instant issuedAt;
        private final Instant expiresAt;
        private final String auditId;
        private final String applicationCredentialId;

        Token(String id, String userId, SimProject project, List<String> methods, Instant issuedAt,
                Instant expiresAt, String auditId, String applicationCredentialId) {
            this.id = id;
            this.userId = userId;
            this.project = project;
            this.methods = List.copyOf(methods);
            this.issuedAt = issuedAt;
            this.expiresAt = expiresAt;
            this.auditId = auditId;
            this.applicationCredentialId = applicationCredentialId;
        }

        /** The token string, sent back as {@code X-Subject-Token}. */
        public String id() {
            return id;
        }

        public String userId() {
            return userId;
        }

        /** The project the token is scoped to, or null for an unscoped token. */
        public SimProject project() {
            return project;
        }

        public List<String> methods() {
            return methods;
        }

        public Instant issuedAt() {
            return issuedAt;
        }

        public Instant expiresAt() {
            return expiresAt;
        }

        public String auditId() {
            return auditId;
        }

        /** The application credential it was issued for, or null. */
        public String applicationCredentialId() {
            return applicationCredentialId;
        }

        @Override
        public String toString() {
            // never the token string itself
            return "Token[user=" + userId + ", project=" + (project == null ? null : project.id())
                    + ", expires=" + expiresAt + "]";
        }
    }

    /** Issues a token for a user, scoped to a project or unscoped (null). */
    public Token issue(String userId, SimProject project, List<String> methods, String applicationCredentialId) {
        Instant now = clock.instant();
        if (tokens.size() >= PURGE_THRESHOLD) {
            tokens.values().removeIf(t -> !t.expiresAt.isAfter(now));
        }
        byte[] bytes = new byte[48];
        byte[] audit = new byte[16];
        synchronized (random) {
            random.nextBytes(bytes);
            random.nextBytes(audit);
        }
        // shaped like a Fernet token: URL-safe base64 starting with gAAAAA
        String id = "gAAAAA" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String auditId = Base64.getUrlEncoder().withoutPadding().encodeToString(audit).substring(0, 22);
        Token t = new Token(id, userId, project, methods, now, now.plus(ttl), auditId, applicationCredentialId);
        tokens.put(id, t);
        return t;
    }

    /** The token of that string if it exists and has not expired; null otherwise. */
    public Token validate(String id) {
        if (id == null || id.isEmpty()) {
            return null;
        }
        Token t = tokens.get(id);
        if (t == null) {
            return null;
        }
        if (!t.expiresAt.isAfter(clock.instant())) {
            tokens.remove(id, t);
            return null;
        }
        return t;
    }

    /** Forgets every token issued so far: each one is rejected from now on. */
    public void expireAll() {
        tokens.clear();
    }

    /** How many tokens are held (expired ones may still count until purged). */
    public int size() {
        return tokens.size();
    }

    public Duration ttl() {
        return ttl;
    }

    public Clock clock() {
        return clock;
    }
}
