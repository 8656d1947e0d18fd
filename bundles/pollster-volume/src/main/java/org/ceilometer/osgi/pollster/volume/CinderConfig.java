package org.ceilometer.osgi.pollster.volume;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of the Cinder discoveries. A double underscore in a method name stands for one underscore
 * in the property name.
 */
@ObjectClassDefinition(name = "Ceilometer Cinder pollsters",
        description = "How the volumes, volume_snapshots, volume_backups, volume_pools and volume_services "
                + "discoveries reach Cinder")
public @interface CinderConfig {
    /** The PID every Cinder discovery reads. */
    String PID = "ceilometer.pollster.volume";

    @AttributeDefinition(description = "Catalog type of Cinder, as Ceilometer's [service_types] cinder")
    String service__type() default CinderApi.DEFAULT_SERVICE_TYPE;

    @AttributeDefinition(description = "Block Storage microversion, sent as 'OpenStack-API-Version: volume <v>'; "
            + "3.64 as Ceilometer (user_id of snapshots needs 3.41, of backups 3.56, volume_type_id 3.63)")
    String api__version() default CinderApi.DEFAULT_API_VERSION;

    @AttributeDefinition(description = "Items asked for per list request; 0 or less sends no limit, so Cinder "
            + "pages by its osapi_max_limit (1000 by default)")
    int page__size() default 0;
}
