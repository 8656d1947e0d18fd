package org.ceilometer.osgi.simulator.cinder;

/**
 * A microversion {@code major.minor}, as Cinder ({@code OpenStack-API-Version: volume 3.64}) and Manila
 * ({@code X-OpenStack-Manila-API-Version: 2.16}) take it. Compares by major, then minor.
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

    /**
     * Parses {@code 3.64}.
     *
     * @throws IllegalArgumentException when it is not {@code <int>.<int>}
     */
    public static ApiVersion parse(String text) {
        String t = text == null ? "" : text.trim();
        int dot = t.indexOf('.');
        if (dot <= 0 || dot == t.length() - 1) {
            throw new IllegalArgumentException("not a microversion: '" + t + "'");
        }
        try {
            int major = Integer.parseInt(t.substring(0, dot));
            int minor = Integer.parseInt(t.substring(dot + 1));
            if (major < 0 || minor < 0) {
                throw new IllegalArgumentException("not a microversion: '" + t + "'");
            }
            return new ApiVersion(major, minor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a microversion: '" + t + "'");
        }
    }

    /** Whether this version is at least {@code major.minor}. */
    public boolean atLeast(int major, int minor) {
        return compareTo(new ApiVersion(major, minor)) >= 0;
    }

    @Override
    public int compareTo(ApiVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
