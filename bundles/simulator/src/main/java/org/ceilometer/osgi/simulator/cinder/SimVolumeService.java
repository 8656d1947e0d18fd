package org.ceilometer.osgi.simulator.cinder;

/**
 * A Cinder service as {@code GET /os-services} shows it.
 *
 * @param binary {@code cinder-scheduler}, {@code cinder-volume} or {@code cinder-backup}
 * @param host {@code controller}, or {@code host@backend} for a cinder-volume
 * @param status {@code enabled} or {@code disabled}
 * @param state {@code up} or {@code down}
 * @param disabledReason null unless disabled
 */
public record SimVolumeService(
        int index,
        String binary,
        String host,
        String zone,
        String status,
        String state,
        String disabledReason,
        String updatedAt) {

    /** Whether the service reports in time. */
    public boolean isUp() {
        return "up".equals(state);
    }
}
