package org.ceilometer.osgi.agent;

/** A polling definition that breaks a rule: names the file, the line, the entry and the rule. */
final class PollingDefinitionException extends Exception {
    private static final long serialVersionUID = 1L;

    PollingDefinitionException(String message) {
        super(message);
    }

    PollingDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
