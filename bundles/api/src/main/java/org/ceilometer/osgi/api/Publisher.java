package org.ceilometer.osgi.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/** One destination of a sink, made by a {@link PublisherFactory} for one URL. */
@ConsumerType
public interface Publisher extends AutoCloseable {
    /**
     * Sends a batch. Throwing means nothing of the batch can be taken as delivered; the pipeline's
     * policy ({@code default}, {@code queue}, {@code drop}, {@code journal}) decides what follows.
     */
    void publish(List<Sample> samples) throws Exception;

    @Override
    default void close() {}
}
