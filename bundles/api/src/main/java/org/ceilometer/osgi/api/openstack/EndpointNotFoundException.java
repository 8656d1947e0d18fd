package org.ceilometer.osgi.api.openstack;

/** The catalog has no endpoint of a service type for the configured interface and region. */
public class EndpointNotFoundException extends OpenStackException {
    private static final long serialVersionUID = 1L;
    private final String serviceType;

    public EndpointNotFoundException(String serviceType, String interfaceName, String region) {
        super("no '" + serviceType + "' endpoint in the service catalog for interface '" + interfaceName
                + "'" + (region == null ? "" : " in region '" + region + "'"), -1);
        this.serviceType = serviceType;
    }

    public String serviceType() {
        return serviceType;
    }
}
