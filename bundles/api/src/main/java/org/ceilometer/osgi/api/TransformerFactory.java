package org.ceilometer.osgi.api;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Makes transformers of one name ({@code unit_conversion}, {@code rate_of_change}, ...) from a
 * pipeline's {@code parameters}. Registered with {@code ceilometer.namespace=ceilometer.transformer}
 * and {@code ceilometer.transformer=<name>}.
 */
@ConsumerType
public interface TransformerFactory {
    /**
     * @throws IllegalArgumentException naming the parameter that is wrong
     */
    Transformer create(Map<String, Object> parameters);
}
