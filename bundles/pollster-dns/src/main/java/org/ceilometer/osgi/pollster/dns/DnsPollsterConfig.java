package org.ceilometer.osgi.pollster.dns;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the Designate discovery and of the dns.zone.recordsets pollster. */
@ObjectClassDefinition(name = "Ceilometer Designate pollsters",
        description = "The dns_zones discovery and the dns.zone.recordsets pollster")
public @interface DnsPollsterConfig {
    /** The PID both read. */
    String PID = "ceilometer.pollster.dns";

    /** Maps to {@code designate_page_size} (a double underscore stands for one underscore). */
    @AttributeDefinition(description = "Zones and recordsets asked for per Designate request (limit); Designate "
            + "serves at most its max_limit_v2 (1000 by default); 0 or less sends no limit, so Designate uses its "
            + "default_limit_v2 (20)")
    int designate__page__size() default DesignateZones.DEFAULT_PAGE_SIZE;

    /** Maps to {@code all_projects}. */
    @AttributeDefinition(description = "Send X-Auth-All-Projects: True, so that every project's zones are listed, "
            + "as Ceilometer does; when false, only the zones of the project the token is scoped to")
    boolean all__projects() default true;
}
