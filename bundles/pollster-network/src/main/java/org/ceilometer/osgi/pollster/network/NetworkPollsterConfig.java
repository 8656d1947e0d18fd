package org.ceilometer.osgi.pollster.network;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the Neutron discoveries. */
@ObjectClassDefinition(name = "Ceilometer Neutron discoveries",
        description = "The fip_services, vpn_services, ipsec_connections, fw_services and fw_policy discoveries")
public @interface NetworkPollsterConfig {
    /** The PID the Neutron discoveries read. */
    String PID = "ceilometer.pollster.network";

    /** Maps to {@code neutron_page_size} (a double underscore stands for one underscore). */
    @AttributeDefinition(description = "Items asked for per Neutron request (limit); 0 or less sends no limit, "
            + "so Neutron answers the whole collection at once")
    int neutron__page__size() default NeutronListing.DEFAULT_PAGE_SIZE;

    /** Maps to {@code ipsec_psk_in_metadata}. */
    @AttributeDefinition(description = "Put IPsec pre-shared keys into the metadata of "
            + "network.services.vpn.connections samples as Neutron returns them, as Ceilometer does; "
            + "when false (the default) the key psk stays, its value masked as ***")
    boolean ipsec__psk__in__metadata() default false;
}
