package org.ceilometer.osgi.pollster.dns;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.SampleSink;
import org.ceilometer.osgi.api.annotations.PollsterService;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * {@code dns.zone.recordsets}: a gauge per zone (unit {@code recordset}) of how many recordsets it
 * holds, as master's {@code ZoneRecordsetCountPollster}, which lists them all
 * ({@code dns.recordsets(zone, all_projects=True)}) and counts. One listing per zone,
 * {@code GET <endpoint>/v2/zones/<id>/recordsets}, all pages: these run on the cycle's fan-out pool with
 * at most {@link PollContext#parallelism()} in flight. A zone whose listing fails gives no sample and
 * does not stop the others; once every zone is done, one exception tells how many failed. A zone that
 * answers 404 was deleted since the discovery: it gives no sample and no error.
 */
@Component(service = Pollster.class, configurationPid = DnsPollsterConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@PollsterService(meter = ZoneRecordsetCountPollster.METER)
public final class ZoneRecordsetCountPollster extends AbstractZonePollster {
    public static final String METER = "dns.zone.recordsets";

    private final int pageSize;
    private final boolean allProjects;

    @Activate
    public ZoneRecordsetCountPollster(DnsPollsterConfig config) {
        this.pageSize = config.designate__page__size();
        this.allProjects = config.all__projects();
    }

    @Override
    String meter() {
        return METER;
    }

    @Override
    String unit() {
        return "recordset";
    }

    /** The first page of a zone's recordsets. */
    String recordsetsUrl(ZoneRecord zone) {
        return DesignateZones.withLimit(zone.v2Root + "/zones/" + zone.id + "/recordsets", pageSize);
    }

    @Override
    public void getSamples(PollContext context, List<Resource> resources, SampleSink sink) throws Exception {
        List<ZoneRecord> zones = zones(resources);
        int n = zones.size();
        long[] counts = new long[n];
        boolean[] gone = new boolean[n];
        Exception[] errors = new Exception[n];
        Semaphore inFlight = new Semaphore(Math.max(1, context.parallelism()));
        CountDownLatch done = new CountDownLatch(n);
        Map<String, String> headers = DesignateZones.headers(allProjects);
        int submitted = 0;
        try {
            for (; submitted < n; submitted++) {
                if (context.isCancelled()) {
                    break;
                }
                inFlight.acquire();
                int k = submitted;
                ZoneRecord zone = zones.get(k);
                Runnable count = () -> {
                    try {
                        counts[k] = count(context, zone, headers);
                    } catch (OpenStackException e) {
                        if (e.status() == 404) {
                            gone[k] = true;
                        } else {
                            errors[k] = e;
                        }
                    } catch (Exception | LinkageError e) {
                        errors[k] = e instanceof Exception ex ? ex : new IllegalStateException(e);
                    } finally {
                        inFlight.release();
                        done.countDown();
                    }
                };
                try {
                    context.executor().execute(count);
                } catch (RejectedExecutionException e) {
                    errors[k] = e;
                    inFlight.release();
                    done.countDown();
                }
            }
        } finally {
            for (int k = submitted; k < n; k++) {
                errors[k] = new CancellationException("polling cycle cancelled");
                done.countDown();
            }
        }
        done.await();

        Instant timestamp = context.timestamp();
        int failed = 0;
        int deleted = 0;
        Exception first = null;
        for (int k = 0; k < n; k++) {
            if (gone[k]) {
                deleted++;
            } else if (errors[k] == null) {
                sink.accept(sample(zones.get(k), counts[k], timestamp));
            } else if (failed++ == 0) {
                first = errors[k];
            }
        }
        if (failed > 0) {
            if (first instanceof CancellationException c && context.isCancelled()) {
                throw c;
            }
            OpenStackException e = new OpenStackException("listing the recordsets of " + failed + " of " + n
                    + " zones failed; first: " + first.getMessage(),
                    first instanceof OpenStackException o ? o.status() : -1);
            e.initCause(first);
            throw e;
        }
        log.debug("{}: counted the recordsets of {} zones ({} deleted meanwhile)", METER, n - deleted, deleted);
    }

    private long count(PollContext context, ZoneRecord zone, Map<String, String> headers) throws Exception {
        if (context.isCancelled()) {
            throw new CancellationException("polling cycle cancelled");
        }
        long[] count = new long[1];
        context.openstack().paginate(recordsetsUrl(zone), "recordsets", headers, rs -> count[0]++);
        return count[0];
    }
}
