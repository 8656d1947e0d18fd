package org.ceilometer.osgi.pollster.rgw;

import java.util.List;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.SampleSink;

/** The five meters of {@code GET /admin/bucket?uid=<user>&stats=true}, shared in the cycle. */
abstract class AbstractBucketPollster extends AbstractRgwPollster {
    AbstractBucketPollster(RgwAdmin admin) {
        super(admin);
    }

    @Override
    final void poll(PollContext context, RgwSettings settings, String endpoint, List<String> projects,
            SampleSink sink) throws Exception {
        AccountResults<BucketStats> stats = RgwAccounts.buckets(context, admin, settings, endpoint, projects);
        for (AccountResults.Account<BucketStats> a : stats.accounts()) {
            samples(context, a.projectId(), a.value(), sink);
        }
        if (stats.failure() != null) {
            throw stats.failure().toException();
        }
    }

    /** The samples of one project's bucket stats. */
    abstract void samples(PollContext context, String projectId, BucketStats stats, SampleSink sink);
}
