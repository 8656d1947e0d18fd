package org.ceilometer.osgi.pollster.rgw;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The settings of the RGW pollsters, read from Ceilometer's three sections: {@code [service_types]
 * radosgw}, {@code [rgw_client]} and {@code [rgw_admin_credentials]} (PIDs {@code ceilometer.service_types},
 * {@code ceilometer.rgw_client}, {@code ceilometer.rgw_admin_credentials}). Immutable. Its
 * {@link #toString()} never shows the secret key.
 */
public final class RgwSettings {
    static final String PID_SERVICE_TYPES = "ceilometer.service_types";
    static final String PID_CLIENT = "ceilometer.rgw_client";
    static final String PID_CREDENTIALS = "ceilometer.rgw_admin_credentials";

    static final String RADOSGW = "radosgw";
    static final String IMPLICIT_TENANTS = "implicit_tenants";
    static final String RGW_SERVICE_NAME = "rgw_service_name";
    static final String INSECURE = "insecure";
    static final String CAFILE = "cafile";
    static final String TLS_MIN_VERSION = "tls_min_version";
    static final String TLS_MAX_VERSION = "tls_max_version";
    static final String ACCESS_KEY = "access_key";
    static final String SECRET_KEY = "secret_key";

    /** Ceilometer's {@code TLS_VERSION_CHOICES}. */
    static final List<String> TLS_VERSIONS = List.of("1.2", "1.3");

    private final String serviceType;
    private final String serviceName;
    private final boolean implicitTenants;
    private final boolean insecure;
    private final String cafile;
    private final String tlsMinVersion;
    private final String tlsMaxVersion;
    private final String accessKey;
    private final String secretKey;
    private final List<String> problems;

    private RgwSettings(Map<String, ?> p) {
        List<String> issues = new ArrayList<>();
        this.serviceType = text(p, RADOSGW);
        this.serviceName = text(p, RGW_SERVICE_NAME);
        this.implicitTenants = bool(p, IMPLICIT_TENANTS, false, issues);
        // Ceilometer's default: certificates are not verified unless told (insecure=True)
        this.insecure = bool(p, INSECURE, true, issues);
        this.cafile = text(p, CAFILE);
        this.tlsMinVersion = tlsVersion(p, TLS_MIN_VERSION, issues);
        this.tlsMaxVersion = tlsVersion(p, TLS_MAX_VERSION, issues);
        this.accessKey = text(p, ACCESS_KEY);
        this.secretKey = text(p, SECRET_KEY);
        this.problems = Collections.unmodifiableList(issues);
    }

    /** The settings of a configuration map (the three PIDs merged, as DS hands them). */
    static RgwSettings of(Map<String, ?> properties) {
        return new RgwSettings(properties == null ? Map.of() : properties);
    }

    /** {@code [service_types] radosgw}: the catalog type of RGW; null when not set (Ceilometer has no default). */
    String serviceType() {
        return serviceType;
    }

    /** {@code [rgw_client] rgw_service_name}: the catalog name of RGW, or null. */
    String serviceName() {
        return serviceName;
    }

    /** {@code [rgw_client] implicit_tenants}: RGW users are {@code <project>$<project>}. */
    boolean implicitTenants() {
        return implicitTenants;
    }

    /** {@code [rgw_client] insecure} (true by default, as Ceilometer's). */
    boolean insecure() {
        return insecure;
    }

    /** {@code [rgw_client] cafile}, or null. */
    String cafile() {
        return cafile;
    }

    /** {@code [rgw_client] tls_min_version} ({@code 1.2} or {@code 1.3}), or null. */
    String tlsMinVersion() {
        return tlsMinVersion;
    }

    /** {@code [rgw_client] tls_max_version} ({@code 1.2} or {@code 1.3}), or null. */
    String tlsMaxVersion() {
        return tlsMaxVersion;
    }

    String accessKey() {
        return accessKey;
    }

    /** The secret key: for the signer only. */
    String secretKey() {
        return secretKey;
    }

    /** Whether both keys of {@code [rgw_admin_credentials]} are set. */
    boolean hasCredentials() {
        return accessKey != null && secretKey != null;
    }

    /** Values that could not be read and were left at their defaults, one sentence each. */
    List<String> problems() {
        return problems;
    }

    /**
     * The RGW user of a project, as Ceilometer's {@code RGWAdminClient} builds it: the project id, or
     * {@code <project>$<project>} with implicit tenants.
     */
    String uid(String projectId) {
        return implicitTenants ? projectId + "$" + projectId : projectId;
    }

    private static String text(Map<String, ?> p, String key) {
        Object v = p.get(key);
        if (v instanceof String[] a) {
            v = a.length == 0 ? null : a[0];
        }
        if (v == null) {
            return null;
        }
        String s = v.toString().trim();
        return s.isEmpty() || "None".equals(s) ? null : s;
    }

    private static boolean bool(Map<String, ?> p, String key, boolean dflt, List<String> issues) {
        Object v = p.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        String s = text(p, key);
        if (s == null) {
            return dflt;
        }
        switch (s.toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "on": case "1":
                return true;
            case "false": case "no": case "off": case "0":
                return false;
            default:
                issues.add("[rgw_client] " + key + " is not a boolean: '" + s + "'; " + dflt + " is used");
                return dflt;
        }
    }

    private static String tlsVersion(Map<String, ?> p, String key, List<String> issues) {
        String s = text(p, key);
        if (s == null) {
            return null;
        }
        if (!TLS_VERSIONS.contains(s)) {
            issues.add("[rgw_client] " + key + ": valid values are " + TLS_VERSIONS + ", but found '" + s
                    + "'; it is ignored");
            return null;
        }
        return s;
    }

    @Override
    public String toString() {
        return "RgwSettings[radosgw=" + serviceType + ", rgw_service_name=" + serviceName + ", implicit_tenants="
                + implicitTenants + ", insecure=" + insecure + ", cafile=" + cafile + ", tls=" + tlsMinVersion + ".."
                + tlsMaxVersion + ", access_key=" + accessKey + ", secret_key=" + (secretKey == null ? null : "***")
                + "]";
    }
}
