package org.ceilometer.osgi.pollster.rgw;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The option of Ceilometer's {@code [service_types]} (PID {@code ceilometer.service_types}) the RGW pollsters read. */
@ObjectClassDefinition(name = "Ceilometer [service_types] (radosgw)",
        description = "Catalog type of the Ceph RADOS Gateway")
public @interface RgwServiceTypesConfig {
    @AttributeDefinition(required = false, description = "Radosgw service type (no default, as in Ceilometer: "
            + "set it, or [rgw_client] rgw_service_name)")
    String radosgw();
}
