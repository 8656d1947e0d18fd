package org.ceilometer.osgi.openstack;

import java.util.ArrayList;
import java.util.List;
import org.ceilometer.osgi.api.Discovery;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.annotations.DiscoveryService;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code endpoint:<service type>}: the catalog URLs of that type for the configured interface and
 * region, each a resource whose id and payload are the URL. None gives an empty list and a warning.
 */
@Component(service = Discovery.class)
@DiscoveryService(discovery = "endpoint")
public class EndpointDiscovery implements Discovery {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointDiscovery.class);

    @Override
    public List<Resource> discover(PollContext context, String param) throws Exception {
        if (param == null || param.isBlank()) {
            throw new IllegalArgumentException("the endpoint discovery needs a service type: endpoint:<type>");
        }
        String type = param.trim();
        List<String> urls = context.openstack().endpoints(type);
        if (urls.isEmpty()) {
            LOG.warn("No endpoints found for service {}", type);
            return List.of();
        }
        List<Resource> out = new ArrayList<>(urls.size());
        for (String url : urls) {
            out.add(Resource.of(url));
        }
        return out;
    }
}
