package org.ceilometer.osgi.api;

/** The service property names and values by which the agent finds its plugins. */
public final class Namespaces {
    /** The property every plugin service carries. */
    public static final String NAMESPACE = "ceilometer.namespace";
    /** The meter a {@link Pollster} produces. */
    public static final String METER = "ceilometer.meter";
    /** The name a {@link Discovery} is called by. */
    public static final String DISCOVERY = "ceilometer.discovery";
    /** The URL scheme a {@link StorageDriver} serves. */
    public static final String STORAGE_SCHEME = "ceilometer.storage.scheme";
    /** The URL scheme a {@link PublisherFactory} serves. */
    public static final String PUBLISHER_SCHEME = "ceilometer.publisher.scheme";
    /** The name of a {@link TransformerFactory}. */
    public static final String TRANSFORMER = "ceilometer.transformer";
    /** Where a plugin comes from when it is not a bundle's own code (a YAML file and definition). */
    public static final String ORIGIN = "ceilometer.origin";

    public static final String POLL_CENTRAL = "ceilometer.poll.central";
    public static final String DISCOVER = "ceilometer.discover";
    public static final String METERING_STORAGE = "ceilometer.metering.storage";
    public static final String PUBLISHER = "ceilometer.publisher";
    public static final String TRANSFORMERS = "ceilometer.transformer";

    /** The capability the agent bundle provides and every plugin property type requires. */
    public static final String AGENT_IMPLEMENTATION = "ceilometer.agent";
    public static final String AGENT_IMPLEMENTATION_VERSION = "1.0.0";

    /** Configuration PIDs, one per section of ceilometer.conf. */
    public static final String PID_SERVICE_CREDENTIALS = "ceilometer.service_credentials";
    public static final String PID_DATABASE = "ceilometer.database";
    public static final String PID_POLLING = "ceilometer.polling";
    public static final String PID_COORDINATION = "ceilometer.coordination";
    public static final String PID_PUBLISHER = "ceilometer.publisher";

    private Namespaces() {}
}
