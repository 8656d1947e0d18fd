package org.ceilometer.osgi.pollster.dynamic;

/** A definition that cannot be used, and the field that is at fault. */
final class DefinitionException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String field;

    DefinitionException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    /** The field at fault ({@code extra_metadata_fields[1].url_path} for a nested one), or null for the whole definition. */
    String field() {
        return field;
    }

    /** The same problem, for a field nested under {@code prefix}. */
    DefinitionException nestedUnder(String prefix) {
        return new DefinitionException(field == null ? prefix : prefix + "." + field, getMessage());
    }
}
