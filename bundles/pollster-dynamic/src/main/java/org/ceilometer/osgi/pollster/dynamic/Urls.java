package org.ceilometer.osgi.pollster.dynamic;

/** URL joining as Python's {@code urllib.parse.urljoin} does it, and URLs made safe to log. */
final class Urls {
    private Urls() {}

    /**
     * {@code ref} resolved against {@code base} (RFC 3986, section 5.2): an absolute URL as it is, a path
     * from the root of the base's host, or a path relative to the base's last {@code /}.
     */
    static String join(String base, String ref) {
        if (ref == null || ref.isEmpty()) {
            return base;
        }
        if (hasScheme(ref)) {
            return ref;
        }
        int schemeEnd = base.indexOf("://");
        if (schemeEnd < 0) {
            return ref;
        }
        String scheme = base.substring(0, schemeEnd);
        String rest = base.substring(schemeEnd + 3);
        int pathStart = firstOf(rest, "/?#");
        String authority = rest.substring(0, pathStart);
        String pathQuery = rest.substring(pathStart);
        String basePath = cut(pathQuery, "?#");
        if (ref.startsWith("//")) {
            return scheme + ":" + ref;
        }
        if (ref.startsWith("?")) {
            return scheme + "://" + authority + basePath + ref;
        }
        if (ref.startsWith("#")) {
            return scheme + "://" + authority + cut(pathQuery, "#") + ref;
        }
        String refPath = cut(ref, "?#");
        String refTail = ref.substring(refPath.length());
        String merged;
        if (refPath.startsWith("/")) {
            merged = refPath;
        } else {
            int slash = basePath.lastIndexOf('/');
            merged = (slash < 0 ? "/" : basePath.substring(0, slash + 1)) + refPath;
        }
        return scheme + "://" + authority + removeDotSegments(merged) + refTail;
    }

    private static boolean hasScheme(String s) {
        int colon = s.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.') || (i == 0 && !Character.isLetter(c))) {
                return false;
            }
        }
        return s.startsWith("//", colon + 1);
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    private static String cut(String s, String chars) {
        return s.substring(0, firstOf(s, chars));
    }

    private static String removeDotSegments(String path) {
        if (!path.contains(".")) {
            return path;
        }
        String[] segs = path.split("/", -1);
        java.util.Deque<String> out = new java.util.ArrayDeque<>();
        for (int i = 1; i < segs.length; i++) {
            String s = segs[i];
            boolean last = i == segs.length - 1;
            if (s.equals(".")) {
                if (last) {
                    out.addLast("");
                }
            } else if (s.equals("..")) {
                if (!out.isEmpty()) {
                    out.removeLast();
                }
                if (last) {
                    out.addLast("");
                }
            } else {
                out.addLast(s);
            }
        }
        return "/" + String.join("/", out);
    }

    /** The URL without user information, query and fragment: what may appear in logs and messages. */
    static String redact(String url) {
        if (url == null) {
            return "null";
        }
        String u = cut(url, "?#");
        int schemeEnd = u.indexOf("://");
        if (schemeEnd >= 0) {
            int hostStart = schemeEnd + 3;
            int pathStart = firstOf(u.substring(hostStart), "/") + hostStart;
            int at = u.lastIndexOf('@', pathStart - 1);
            if (at >= hostStart) {
                u = u.substring(0, hostStart) + u.substring(at + 1);
            }
        }
        return u.length() < url.length() && url.indexOf('?') >= 0 ? u + "?..." : u;
    }
}
