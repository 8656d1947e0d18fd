package org.ceilometer.osgi.conf;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what must never be shown: the value of an option whose name says it is a secret
 * ({@code password}, {@code *_password}, {@code secret}, {@code *_secret}, {@code token},
 * {@code *_key}, ...), and in any other value the password of a URL's user info
 * ({@code mongodb://u:pw@h} gives {@code mongodb://u:***@h}, every host of
 * {@code rabbit://u:p@h1,u:p@h2} too) and secret query parameters ({@code ?password=...}).
 */
final class Secrets {
    static final String MASK = "***";

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(.*password.*|.*passwd.*|(.*[_.-])?(secret|token|key|credentials?)|.*_secret_.*)", Pattern.CASE_INSENSITIVE);

    /** {@code scheme://} followed by an authority; the user info is up to the last '@' of each host. */
    private static final Pattern URL_AUTHORITY = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([^/?#\\s]*)");

    private static final Pattern SECRET_PARAM = Pattern.compile(
            "([?&;](?:[^=&#\\s]*(?:password|passwd|secret|token)[^=&#\\s]*)=)([^&#\\s]*)", Pattern.CASE_INSENSITIVE);

    private Secrets() {}

    /** Whether an option of this name holds a secret as a whole. */
    static boolean isSecretName(String option) {
        if (option == null) {
            return false;
        }
        String o = option.toLowerCase(Locale.ROOT);
        // file names and flags about secrets are not secrets
        if (o.endsWith("file") || o.endsWith("_path") || o.endsWith("_dir") || o.startsWith("enable")
                || o.endsWith("_id") || o.endsWith("_name") || o.endsWith("_type") || o.endsWith("_proto")
                || o.endsWith("_length") || o.endsWith("_size") || o.endsWith("_timeout")
                || o.endsWith("_interval") || o.endsWith("_expiration")) {
            return o.contains("password") && !o.endsWith("file") && !o.endsWith("_path");
        }
        return SECRET_NAME.matcher(o).matches();
    }

    /** The value as it may be shown for this option. */
    static String mask(String option, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String[] a) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < a.length; i++) {
                b.append(i == 0 ? "" : ", ").append(mask(option, a[i]));
            }
            return b.append(']').toString();
        }
        String s = String.valueOf(value);
        if (isSecretName(option)) {
            return s.isEmpty() ? "" : MASK;
        }
        return maskText(s);
    }

    /** Passwords inside URLs and secret query parameters, anywhere in a text. */
    static String maskText(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        Matcher m = URL_AUTHORITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + maskAuthority(m.group(2))));
        }
        m.appendTail(out);
        return SECRET_PARAM.matcher(out.toString()).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    }

    private static String maskAuthority(String authority) {
        if (authority.indexOf('@') < 0) {
            return authority;
        }
        StringBuilder b = new StringBuilder();
        String[] hosts = authority.split(",", -1);
        for (int i = 0; i < hosts.length; i++) {
            String h = hosts[i];
            int at = h.lastIndexOf('@');
            if (at >= 0) {
                String userinfo = h.substring(0, at);
                int colon = userinfo.indexOf(':');
                if (colon >= 0) {
                    h = userinfo.substring(0, colon + 1) + MASK + h.substring(at);
                }
            }
            b.append(i == 0 ? "" : ",").append(h);
        }
        return b.toString();
    }
}
