package org.ceilometer.osgi.pollster.rgw;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Ceilometer's {@code [rgw_admin_credentials]} (PID {@code ceilometer.rgw_admin_credentials}): the keys
 * of an RGW user with the {@code buckets=read} and {@code usage=read} admin capabilities.
 */
@ObjectClassDefinition(name = "Ceilometer [rgw_admin_credentials]",
        description = "Access and secret key for the Ceph RGW admin ops API")
public @interface RgwAdminCredentialsConfig {
    @AttributeDefinition(required = false, description = "Access key for Radosgw Admin")
    String access__key();

    @AttributeDefinition(required = false, type = AttributeType.PASSWORD, description = "Secret key for Radosgw Admin")
    String secret__key();
}
