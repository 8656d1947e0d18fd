package org.ceilometer.osgi.storage.mongodb;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Connection URL helpers that never let a secret through. */
final class Urls {
    private static final Pattern USERINFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://[^/@:]*:)[^/@]*@");
    private static final Pattern IN_TEXT = Pattern.compile("(//[^/@:\\s]*:)[^/@\\s]*@");
    private static final Pattern SECRET_OPTION =
            Pattern.compile("(?i)([?&][^=&]*(?:password|secret|token|authmechanismproperties)[^=&]*=)[^&]*");

    private Urls() {}

    /**
     * The URL with the password of its user info, and the values of query options that may carry a
     * secret ({@code authMechanismProperties}, anything named like a password or token), replaced by
     * {@code ***}.
     */
    static String mask(String url) {
        if (url == null) {
            return null;
        }
        String s = USERINFO.matcher(url).replaceFirst("$1***@");
        Matcher m = SECRET_OPTION.matcher(s);
        return m.replaceAll("$1***");
    }

    /** A message with any URL password in it masked; null stays null. */
    static String maskText(String text) {
        if (text == null) {
            return null;
        }
        return IN_TEXT.matcher(text).replaceAll("$1***@");
    }
}
