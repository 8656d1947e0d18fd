package org.ceilometer.osgi.pollster.objectstore;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.SampleSink;

/**
 * The three meters of an account's HEAD: one gauge per project, whose resource and project are the
 * project, user none and metadata empty (Ceilometer's None).
 */
abstract class AbstractAccountPollster extends AbstractSwiftPollster {
    AbstractAccountPollster(SwiftPollsterConfig config) {
        super(config);
    }

    abstract String meter();

    abstract String unit();

    abstract long volume(AccountStats account);

    @Override
    final void poll(PollContext context, String endpoint, List<String> projects, SampleSink sink) throws Exception {
        AccountResults<AccountStats> heads = SwiftAccounts.heads(context, endpoint, resellerPrefix, projects);
        Instant timestamp = context.timestamp();
        for (AccountResults.Account<AccountStats> a : heads.accounts()) {
            sink.accept(Sample.builder()
                    .name(meter())
                    .type(MeterType.GAUGE)
                    .unit(unit())
                    .volume(volume(a.value()))
                    .userId(null)
                    .projectId(a.projectId())
                    .resourceId(a.projectId())
                    .timestamp(timestamp)
                    .resourceMetadata(Map.of())
                    .build());
        }
        if (heads.failure() != null) {
            throw heads.failure().toException();
        }
    }
}
