package org.ceilometer.osgi.openstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The resolved {@code [service_credentials]}: what the session authenticates with and how it talks
 * HTTP. Immutable. {@link #toString()} never shows the password, the application credential secret
 * or any token.
 */
final class Settings {
    static final String AUTH_PASSWORD = "password";
    static final String AUTH_APPLICATION_CREDENTIAL = "v3applicationcredential";
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    static final int DEFAULT_MAX_PARALLEL_REQUESTS = 64;

    final String authUrl;
    final String authType;
    final String username;
    final String userId;
    final String password;
    final String userDomainName;
    final String userDomainId;
    final String projectName;
    final String projectId;
    final String projectDomainName;
    final String projectDomainId;
    final String defaultDomainName;
    final String defaultDomainId;
    final String applicationCredentialId;
    final String applicationCredentialName;
    final String applicationCredentialSecret;
    final String regionName;
    /** {@code public}, {@code internal} or {@code admin}. */
    final String interfaceName;
    final String cafile;
    final boolean insecure;
    final Duration connectTimeout;
    final Duration readTimeout;
    final int maxParallelRequests;
    /** Where the values came from, for {@code describe()}: "config", "env", "clouds.yaml ...". */
    final String origin;

    private Settings(Builder b) {
        this.authUrl = b.authUrl;
        this.authType = b.authType == null ? AUTH_PASSWORD : b.authType;
        this.username = b.username;
        this.userId = b.userId;
        this.password = b.password;
        this.userDomainName = b.userDomainName;
        this.userDomainId = b.userDomainId;
        this.projectName = b.projectName;
        this.projectId = b.projectId;
        this.projectDomainName = b.projectDomainName;
        this.projectDomainId = b.projectDomainId;
        this.defaultDomainName = b.defaultDomainName;
        this.defaultDomainId = b.defaultDomainId;
        this.applicationCredentialId = b.applicationCredentialId;
        this.applicationCredentialName = b.applicationCredentialName;
        this.applicationCredentialSecret = b.applicationCredentialSecret;
        this.regionName = b.regionName;
        this.interfaceName = b.interfaceName == null ? "public" : b.interfaceName;
        this.cafile = b.cafile;
        this.insecure = b.insecure;
        this.connectTimeout = b.connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : b.connectTimeout;
        this.readTimeout = b.readTimeout == null ? DEFAULT_READ_TIMEOUT : b.readTimeout;
        this.maxParallelRequests = b.maxParallelRequests <= 0 ? DEFAULT_MAX_PARALLEL_REQUESTS : b.maxParallelRequests;
        this.origin = b.origin == null ? "config" : b.origin;
    }

    static Builder builder() {
        return new Builder();
    }

    boolean isApplicationCredential() {
        return AUTH_APPLICATION_CREDENTIAL.equals(authType);
    }

    /** The settings that are missing for authentication; empty when it can be tried. */
    List<String> missing() {
        List<String> m = new ArrayList<>();
        if (authUrl == null) {
            m.add("auth_url");
        }
        if (isApplicationCredential()) {
            if (applicationCredentialSecret == null) {
                m.add("application_credential_secret");
            }
            if (applicationCredentialId == null) {
                if (applicationCredentialName == null) {
                    m.add("application_credential_id or application_credential_name");
                } else if (userId == null && username == null) {
                    m.add("username or user_id (with application_credential_name)");
                }
            }
        } else {
            if (username == null && userId == null) {
                m.add("username or user_id");
            }
            if (password == null) {
                m.add("password");
            }
        }
        return m;
    }

    boolean isComplete() {
        return missing().isEmpty();
    }

    /** True when the HTTP client built for {@code other} would be the same as for this. */
    boolean sameTransport(Settings other) {
        return other != null && insecure == other.insecure && Objects.equals(cafile, other.cafile)
                && connectTimeout.equals(other.connectTimeout) && readTimeout.equals(other.readTimeout)
                && maxParallelRequests == other.maxParallelRequests;
    }

    /** The settings that decide the token and catalog; a change of any drops the cached token. */
    private List<Object> authKey() {
        return java.util.Arrays.asList(authUrl, authType, username, userId, password, userDomainName,
                userDomainId, projectName, projectId, projectDomainName, projectDomainId, defaultDomainName,
                defaultDomainId, applicationCredentialId, applicationCredentialName,
                applicationCredentialSecret, regionName, interfaceName);
    }

    boolean sameAuth(Settings other) {
        return other != null && authKey().equals(other.authKey());
    }

    /** Who authenticates and for which scope, without secrets. */
    String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("auth_url=").append(authUrl == null ? "<unset>" : Urls.redact(authUrl));
        sb.append(", auth_type=").append(authType);
        if (isApplicationCredential()) {
            sb.append(", application_credential=")
                    .append(applicationCredentialId != null ? applicationCredentialId : applicationCredentialName);
        }
        if (username != null || userId != null) {
            sb.append(", user=").append(username != null ? username : userId);
            String d = userDomainName != null ? userDomainName : userDomainId;
            if (d != null) {
                sb.append(" (domain ").append(d).append(')');
            }
        }
        if (!isApplicationCredential() && (projectName != null || projectId != null)) {
            sb.append(", project=").append(projectId != null ? projectId : projectName);
            String d = projectDomainName != null ? projectDomainName : projectDomainId;
            if (projectId == null && d != null) {
                sb.append(" (domain ").append(d).append(')');
            }
        }
        sb.append(", region=").append(regionName == null ? "<any>" : regionName);
        sb.append(", interface=").append(interfaceName);
        sb.append(", tls=").append(insecure ? "insecure" : cafile == null ? "system trust" : "cafile " + cafile);
        sb.append(", timeouts=connect ").append(connectTimeout.toMillis()).append(" ms/read ")
                .append(readTimeout.toMillis()).append(" ms");
        sb.append(", max_parallel_requests=").append(maxParallelRequests);
        sb.append(", from ").append(origin);
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    /**
     * {@code publicURL}, {@code internalURL} and {@code adminURL} (the old {@code os_endpoint_type}
     * values) as {@code public}, {@code internal} and {@code admin}.
     */
    static String normalizeInterface(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.endsWith("url")) {
            v = v.substring(0, v.length() - 3);
        }
        return v;
    }

    /** Builds {@link Settings}; null means "not set". */
    static final class Builder {
        String authUrl;
        String authType;
        String username;
        String userId;
        String password;
        String userDomainName;
        String userDomainId;
        String projectName;
        String projectId;
        String projectDomainName;
        String projectDomainId;
        String defaultDomainName;
        String defaultDomainId;
        String applicationCredentialId;
        String applicationCredentialName;
        String applicationCredentialSecret;
        String regionName;
        String interfaceName;
        String cafile;
        boolean insecure;
        Duration connectTimeout;
        Duration readTimeout;
        int maxParallelRequests;
        String origin;

        private Builder() {}

        Builder authUrl(String v) { authUrl = v; return this; }
        Builder authType(String v) { authType = v; return this; }
        Builder username(String v) { username = v; return this; }
        Builder userId(String v) { userId = v; return this; }
        Builder password(String v) { password = v; return this; }
        Builder userDomainName(String v) { userDomainName = v; return this; }
        Builder userDomainId(String v) { userDomainId = v; return this; }
        Builder projectName(String v) { projectName = v; return this; }
        Builder projectId(String v) { projectId = v; return this; }
        Builder projectDomainName(String v) { projectDomainName = v; return this; }
        Builder projectDomainId(String v) { projectDomainId = v; return this; }
        Builder applicationCredential(String id, String name, String secret) {
            applicationCredentialId = id;
            applicationCredentialName = name;
            applicationCredentialSecret = secret;
            return this;
        }
        Builder regionName(String v) { regionName = v; return this; }
        Builder interfaceName(String v) { interfaceName = normalizeInterface(v); return this; }
        Builder cafile(String v) { cafile = v; return this; }
        Builder insecure(boolean v) { insecure = v; return this; }
        Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        Builder readTimeout(Duration v) { readTimeout = v; return this; }
        /** Sets both timeouts, as {@code timeout} does. */
        Builder timeout(Duration v) { connectTimeout = v; readTimeout = v; return this; }
        Builder maxParallelRequests(int v) { maxParallelRequests = v; return this; }
        Builder origin(String v) { origin = v; return this; }

        Settings build() {
            return new Settings(this);
        }
    }
}
