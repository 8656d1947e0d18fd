package org.ceilometer.osgi.agent;

import java.net.URI;
import java.util.regex.Pattern;

/** URL helpers that never let a password through. */
final class Urls {
    private static final Pattern USERINFO = Pattern.compile("(//[^/@:]*:)[^/@]*@");

    private Urls() {}

    /** The URL with the password of its user info replaced by {@code ***}. */
    static String mask(String url) {
        if (url == null) {
            return null;
        }
        return USERINFO.matcher(url).replaceFirst("$1***@");
    }

    /** The scheme of a connection URL ({@code log}, {@code mongodb}, {@code mongodb+srv}), lower case. */
    static String scheme(String url) {
        int i = url.indexOf("://");
        if (i <= 0) {
            i = url.indexOf(':');
        }
        if (i <= 0) {
            throw new IllegalArgumentException("'" + mask(url) + "' has no scheme (expected e.g. log:// or mongodb://host/db)");
        }
        return url.substring(0, i).toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a connection URL; {@code log://}, with no authority, is valid as in Ceilometer. */
    static URI parse(String url) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            if (url.endsWith("://")) {
                return URI.create(url + "/");
            }
            throw new IllegalArgumentException("'" + mask(url) + "' is not a valid URL", e);
        }
    }
}
