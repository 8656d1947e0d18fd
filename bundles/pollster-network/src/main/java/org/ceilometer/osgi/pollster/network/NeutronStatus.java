package org.ceilometer.osgi.pollster.network;

import java.util.Locale;
import java.util.Map;

/**
 * Ceilometer's status codes of Neutron resources ({@code ceilometer/network/services/base.py},
 * {@code STATUS} and {@code get_status_id}): the status, lower-cased, mapped to a number; an empty or
 * unknown status is -1.
 */
final class NeutronStatus {
    static final int UNKNOWN = -1;
    private static final Map<String, Integer> CODES = Map.of(
            "inactive", 0,
            "active", 1,
            "pending_create", 2,
            "down", 3,
            "created", 4,
            "pending_update", 5,
            "pending_delete", 6,
            "error", 7);

    private NeutronStatus() {}

    static int code(String status) {
        if (status == null || status.isEmpty()) {
            return UNKNOWN;
        }
        return CODES.getOrDefault(status.toLowerCase(Locale.ROOT), UNKNOWN);
    }
}
