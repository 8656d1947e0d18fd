package org.ceilometer.osgi.storage.log;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.StorageConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every sample at INFO on the logger {@value #LOGGER_NAME}, in the words of Ceilometer's log
 * driver: {@code metering data <counter_name> for <resource_id>: <counter_volume>}. Always healthy.
 */
final class LogStorageConnection implements StorageConnection {
    /** The logger every sample goes to. */
    static final String LOGGER_NAME = "ceilometer.storage.log";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
    private static final Pattern PASSWORD = Pattern.compile("(//[^/@:]*:)[^/@]*@");

    private final String description;
    private final AtomicLong logged = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();

    LogStorageConnection(URI url) {
        this.description = url == null ? "log://" : PASSWORD.matcher(url.toString()).replaceFirst("$1***@");
    }

    /** The line Ceilometer's log driver writes for one sample. */
    static String message(Sample s) {
        return "metering data " + s.name() + " for " + s.resourceId() + ": " + PythonFormat.number(s.volume());
    }

    @Override
    public void recordMeteringData(List<Sample> samples) {
        for (Sample s : samples) {
            if (LOG.isInfoEnabled()) {
                LOG.info(message(s));
            }
            logged.incrementAndGet();
        }
        batches.incrementAndGet();
    }

    @Override
    public long clearExpiredMeteringData(long ttlSeconds) {
        LOG.info("Dropping data with TTL {}", ttlSeconds);
        return 0;
    }

    @Override
    public boolean isHealthy() {
        return true;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public Map<String, Object> stats() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples logged", logged.get());
        m.put("batches", batches.get());
        return m;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
