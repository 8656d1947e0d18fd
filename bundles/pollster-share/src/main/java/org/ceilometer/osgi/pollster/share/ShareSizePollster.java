package org.ceilometer.osgi.pollster.share;

import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.osgi.service.component.annotations.Component;

/**
 * {@code manila.share.size}: a gauge of each share's size in GiB, 0 when Manila gives none, as
 * Ceilometer's {@code ShareSizePollster}.
 */
@Component(service = Pollster.class)
@PollsterService(meter = ShareSizePollster.METER)
public final class ShareSizePollster extends AbstractSharePollster {
    public static final String METER = "manila.share.size";

    @Override
    String meter() {
        return METER;
    }

    @Override
    String unit() {
        return "GiB";
    }

    @Override
    Number volume(ShareRecord share) {
        return share.size == null ? Long.valueOf(0) : share.size;
    }
}
