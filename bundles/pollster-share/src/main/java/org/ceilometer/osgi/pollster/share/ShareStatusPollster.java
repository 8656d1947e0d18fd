package org.ceilometer.osgi.pollster.share;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.SampleSink;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code manila.share.status}: a gauge of each share's status as a number (unit {@code status}), by
 * Ceilometer's {@code SHARE_STATUS} map, case-insensitively; -1 for a status the map lacks or none, as
 * Ceilometer's {@code ShareStatusPollster}. Ceilometer warns once per such share; here one warning per run
 * names each unknown status and how many shares have it.
 */
@Component(service = Pollster.class)
@PollsterService(meter = ShareStatusPollster.METER)
public final class ShareStatusPollster extends AbstractSharePollster {
    public static final String METER = "manila.share.status";

    /** Ceilometer's {@code SHARE_STATUS} ({@code ceilometer/share/manila.py}). */
    static final Map<String, Long> SHARE_STATUS = Map.ofEntries(
            Map.entry("available", 1L),
            Map.entry("creating", 2L),
            Map.entry("deleting", 3L),
            Map.entry("error", 4L),
            Map.entry("error_deleting", 5L),
            Map.entry("migrating", 6L),
            Map.entry("extending", 7L),
            Map.entry("shrinking", 8L),
            Map.entry("reverting", 9L),
            Map.entry("inactive", 10L),
            Map.entry("manage_starting", 11L),
            Map.entry("manage_error", 12L),
            Map.entry("unmanage_starting", 13L),
            Map.entry("unmanage_error", 14L),
            Map.entry("unmanaged", 15L),
            Map.entry("extending_error", 16L),
            Map.entry("shrinking_error", 17L),
            Map.entry("reverting_error", 18L),
            Map.entry("awaiting_transfer", 19L),
            Map.entry("backup_creating", 20L),
            Map.entry("backup_restoring", 21L),
            Map.entry("backup_restoring_error", 22L),
            Map.entry("creating_from_snapshot", 23L),
            Map.entry("shrinking_possible_data_loss_error", 24L),
            Map.entry("migrating_to", 25L),
            Map.entry("replication_change", 26L));

    private static final Logger LOG = LoggerFactory.getLogger(ShareStatusPollster.class);

    @Override
    String meter() {
        return METER;
    }

    @Override
    String unit() {
        return "status";
    }

    /** Ceilometer's {@code get_status_id}. */
    static long statusId(String status) {
        if (status == null || status.isEmpty()) {
            return -1;
        }
        return SHARE_STATUS.getOrDefault(status.toLowerCase(Locale.ROOT), -1L);
    }

    @Override
    Number volume(ShareRecord share) {
        return statusId(share.status);
    }

    @Override
    public void getSamples(PollContext context, List<Resource> resources, SampleSink sink) {
        super.getSamples(context, resources, sink);
        Map<String, Integer> unknown = new TreeMap<>();
        for (Resource r : resources) {
            if (r.payload() instanceof ShareRecord) {
                ShareRecord share = (ShareRecord) r.payload();
                if (statusId(share.status) == -1) {
                    unknown.merge(String.valueOf(share.status), 1, Integer::sum);
                }
            }
        }
        if (!unknown.isEmpty()) {
            LOG.warn("{}: unknown share status, set to -1 (status=shares): {}", METER, unknown);
        }
    }
}
