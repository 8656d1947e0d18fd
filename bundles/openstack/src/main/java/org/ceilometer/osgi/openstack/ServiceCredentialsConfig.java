package org.ceilometer.osgi.openstack;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code [service_credentials]}: Ceilometer's (keystoneauth's) option names. Describes the
 * configuration only; the component reads the raw properties, so that an option left out can be
 * filled from {@code OS_*} variables or clouds.yaml. ({@code __} stands for {@code _} in the names.)
 */
@ObjectClassDefinition(name = "Ceilometer service credentials",
        description = "Keystone v3 credentials and HTTP settings of the OpenStack session. Options left out "
                + "come from OS_* environment variables, then from clouds.yaml (cloud OS_CLOUD).")
@interface ServiceCredentialsConfig {
    @AttributeDefinition(required = false, description = "Keystone URL, with or without /v3")
    String auth__url();

    @AttributeDefinition(required = false, description = "password (default) or v3applicationcredential")
    String auth__type() default "password";

    @AttributeDefinition(required = false)
    String username();

    @AttributeDefinition(required = false, type = AttributeType.PASSWORD)
    String password();

    @AttributeDefinition(required = false)
    String user__id();

    @AttributeDefinition(required = false)
    String user__domain__name();

    @AttributeDefinition(required = false)
    String user__domain__id();

    @AttributeDefinition(required = false)
    String project__name();

    @AttributeDefinition(required = false)
    String project__id();

    @AttributeDefinition(required = false)
    String project__domain__name();

    @AttributeDefinition(required = false)
    String project__domain__id();

    @AttributeDefinition(required = false)
    String application__credential__id();

    @AttributeDefinition(required = false)
    String application__credential__name();

    @AttributeDefinition(required = false, type = AttributeType.PASSWORD)
    String application__credential__secret();

    @AttributeDefinition(required = false, description = "Region of the catalog endpoints; any when unset")
    String region__name();

    @AttributeDefinition(required = false, name = "Interface",
            description = "Endpoint interface: public, internal or admin (publicURL, internalURL, adminURL too)")
    String interface$() default "public";

    @AttributeDefinition(required = false, description = "PEM file of the CAs to trust")
    String cafile();

    @AttributeDefinition(required = false, description = "Do not verify TLS certificates")
    boolean insecure() default false;

    @AttributeDefinition(required = false,
            description = "Connect and read timeout in seconds (default: connect 10 s, read 60 s)")
    double timeout();

    @AttributeDefinition(required = false, description = "Bound of the HTTP connection pool")
    int max__parallel__requests() default 64;
}
