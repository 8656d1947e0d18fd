package org.ceilometer.osgi.conf;

/** A ceilometer.conf that oslo.config would refuse: the line and the rule it breaks. */
final class IniParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final String rule;

    IniParseException(int line, String rule) {
        super("line " + line + ": " + rule);
        this.line = line;
        this.rule = rule;
    }

    int line() {
        return line;
    }

    String rule() {
        return rule;
    }
}
