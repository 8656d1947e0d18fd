package org.ceilometer.osgi.api;

import java.util.Locale;

/** Ceilometer's three sample types, with their wire names. */
public enum MeterType {
    GAUGE("gauge"),
    DELTA("delta"),
    CUMULATIVE("cumulative");

    private final String wireName;

    MeterType(String wireName) {
        this.wireName = wireName;
    }

    /** The name Ceilometer writes in {@code counter_type}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The type of a wire name, case-insensitively.
     *
     * @throws IllegalArgumentException naming the value and the valid ones
     */
    public static MeterType fromWireName(String name) {
        if (name != null) {
            String lower = name.trim().toLowerCase(Locale.ROOT);
            for (MeterType t : values()) {
                if (t.wireName.equals(lower)) {
                    return t;
                }
            }
        }
        throw new IllegalArgumentException(
                "invalid sample type '" + name + "': expected one of gauge, delta, cumulative");
    }

    @Override
    public String toString() {
        return wireName;
    }
}
