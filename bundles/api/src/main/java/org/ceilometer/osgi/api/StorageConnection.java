package org.ceilometer.osgi.api;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/** An open store; the agent writes to it from one thread at a time. */
@ConsumerType
public interface StorageConnection extends AutoCloseable {
    /**
     * Records a batch of samples with the semantics of Ceilometer's {@code record_metering_data}
     * applied to each in order. Either every sample of the batch is stored or an exception is thrown;
     * a retry of a failed batch must not store anything twice.
     */
    void recordMeteringData(List<Sample> samples) throws Exception;

    /**
     * Ceilometer's expirer: removes what is older than {@code ttlSeconds} and what no sample refers to
     * any more.
     *
     * @return how many documents or rows were removed
     */
    default long clearExpiredMeteringData(long ttlSeconds) throws Exception {
        return 0;
    }

    /** Whether the store answers now; cheap, with a short timeout. */
    boolean isHealthy();

    /** The store's address with any password masked, for the shell and logs. */
    String describe();

    /** Backend figures for {@code ceilometer:status} (documents written, last error, ...). */
    default Map<String, Object> stats() {
        return Map.of();
    }

    @Override
    void close();
}
