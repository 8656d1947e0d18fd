package org.ceilometer.osgi.publishers;

import java.net.URI;
import java.util.Map;
import org.ceilometer.osgi.api.Publisher;
import org.ceilometer.osgi.api.PublisherFactory;
import org.ceilometer.osgi.api.annotations.PublisherService;
import org.osgi.service.component.annotations.Component;

/** {@code udp://} publishers: see {@link UdpPublisher}. */
@Component(service = PublisherFactory.class)
@PublisherService(publisher_scheme = "udp")
public class UdpPublisherFactory implements PublisherFactory {
    @Override
    public Publisher create(URI url, Map<String, Object> agentOptions) throws Exception {
        return new UdpPublisher(url, agentOptions);
    }
}
