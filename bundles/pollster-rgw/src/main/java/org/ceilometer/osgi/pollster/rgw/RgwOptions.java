package org.ceilometer.osgi.pollster.rgw;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The metatype of the three PIDs {@link RgwAdminComponent} reads. A DS component may designate one PID
 * only, and that one reads three; so each PID has here a component of its own that registers nothing
 * and only describes the options: its configuration type gives the metatype and puts the defaults in
 * the component description, where {@code ceilometer:config} finds them.
 */
public final class RgwOptions {
    private RgwOptions() {}

    /** {@code [service_types] radosgw}. */
    @Component(service = {}, configurationPid = RgwSettings.PID_SERVICE_TYPES,
            configurationPolicy = ConfigurationPolicy.OPTIONAL)
    @Designate(ocd = RgwServiceTypesConfig.class)
    public static final class ServiceTypes {
        @Activate
        public ServiceTypes(RgwServiceTypesConfig config) {
            // describes the options only
        }
    }

    /** {@code [rgw_client]}. */
    @Component(service = {}, configurationPid = RgwSettings.PID_CLIENT,
            configurationPolicy = ConfigurationPolicy.OPTIONAL)
    @Designate(ocd = RgwClientConfig.class)
    public static final class Client {
        @Activate
        public Client(RgwClientConfig config) {
            // describes the options only
        }
    }

    /** {@code [rgw_admin_credentials]}; the keys are read by {@link RgwAdminComponent} alone. */
    @Component(service = {}, configurationPid = RgwSettings.PID_CREDENTIALS,
            configurationPolicy = ConfigurationPolicy.OPTIONAL)
    @Designate(ocd = RgwAdminCredentialsConfig.class)
    public static final class Credentials {
        @Activate
        public Credentials(RgwAdminCredentialsConfig config) {
            // describes the options only
        }
    }
}
