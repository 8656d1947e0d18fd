package org.ceilometer.osgi.pollster.dynamic;

import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.Discovery;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.annotations.DiscoveryService;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.Response;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code barbican:<secret id>}, master's {@code NonOpenStackCredentialsDiscovery}: the payload of a
 * Barbican secret (the comma-separated credentials of a non-OpenStack dynamic pollster), from the
 * catalog's key-manager endpoint. The resource's id names the secret, never its payload; without a
 * secret id, the resource carries master's placeholder text.
 */
@Component(service = Discovery.class)
@DiscoveryService(discovery = "barbican")
public class BarbicanDiscovery implements Discovery {
    private static final Logger LOG = LoggerFactory.getLogger(BarbicanDiscovery.class);
    static final String NO_SECRET = "No secrets found";

    @Override
    public List<Resource> discover(PollContext context, String param) throws Exception {
        if (param == null || param.isBlank()) {
            return List.of(Resource.of("barbican:", NO_SECRET));
        }
        String id = param.strip();
        OpenStackClient client = context.openstack();
        List<String> endpoints = client.endpoints("key-manager");
        if (endpoints.isEmpty()) {
            LOG.warn("No Barbican endpoints found to execute the credentials discovery process to [{}]", id);
            return List.of(Resource.of("barbican:" + id, NO_SECRET));
        }
        String url = Urls.join(endpoints.get(0), "/v1/secrets/" + id + "/payload");
        Response r = client.request("GET", url, Map.of("Accept", "*/*"), null);
        if (!r.isSuccess()) {
            throw new java.io.IOException("GET " + Urls.redact(url) + ": HTTP " + r.status());
        }
        return List.of(Resource.of("barbican:" + id, r.bodyText()));
    }

    @Override
    public String toString() {
        return "barbican discovery";
    }
}
