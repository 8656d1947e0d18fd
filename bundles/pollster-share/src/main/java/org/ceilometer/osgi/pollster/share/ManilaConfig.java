package org.ceilometer.osgi.pollster.share;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of the {@code manila_shares} discovery. A double underscore in a method name stands for one
 * underscore in the property name.
 */
@ObjectClassDefinition(name = "Ceilometer Manila pollsters",
        description = "How the manila_shares discovery reaches Manila")
public @interface ManilaConfig {
    /** The PID the Manila discovery reads. */
    String PID = "ceilometer.pollster.share";

    @AttributeDefinition(description = "Catalog type of Manila, as Ceilometer's [service_types] manila")
    String service__type() default ManilaShares.DEFAULT_SERVICE_TYPE;

    @AttributeDefinition(description = "Shared File Systems microversion, sent as X-OpenStack-Manila-API-Version; "
            + "2.0 is what Manila serves Ceilometer, which sends none; 2.16 or later adds user_id (and turns "
            + "share_type into the type's id from 2.6); empty sends no header")
    String api__version() default ManilaShares.DEFAULT_API_VERSION;

    @AttributeDefinition(description = "Shares asked for per request, paged by offset; 0 or less asks for all "
            + "of them in one streamed response, as Ceilometer does")
    int page__size() default 0;
}
