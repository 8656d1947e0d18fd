package org.ceilometer.osgi.pollster.rgw;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Ceilometer's {@code [rgw_client]} (PID {@code ceilometer.rgw_client}). A double underscore in a
 * method name stands for one underscore in the property name. The component reads the raw map; this
 * type describes the options for the metatype.
 */
@ObjectClassDefinition(name = "Ceilometer [rgw_client]",
        description = "How the radosgw.* pollsters reach the Ceph RGW admin ops API")
public @interface RgwClientConfig {
    @AttributeDefinition(description = "Whether RGW uses implicit tenants (users <project>$<project>)")
    boolean implicit__tenants() default false;

    @AttributeDefinition(required = false, description = "Service name of the object store endpoint in the "
            + "catalog; if not set, [service_types] radosgw is used")
    String rgw__service__name();

    @AttributeDefinition(description = "Disable HTTPS certificate verification for the RGW admin API "
            + "(true by default, as Ceilometer's)")
    boolean insecure() default true;

    @AttributeDefinition(required = false, description = "PEM bundle of the certificate authorities to trust "
            + "for the RGW admin API when insecure is false; the system's when not set")
    String cafile();

    @AttributeDefinition(required = false, description = "Minimum TLS version: 1.2 or 1.3")
    String tls__min__version();

    @AttributeDefinition(required = false, description = "Maximum TLS version: 1.2 or 1.3")
    String tls__max__version();
}
