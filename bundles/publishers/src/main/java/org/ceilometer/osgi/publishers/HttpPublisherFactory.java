package org.ceilometer.osgi.publishers;

import java.net.URI;
import java.util.Map;
import org.ceilometer.osgi.api.Publisher;
import org.ceilometer.osgi.api.PublisherFactory;
import org.ceilometer.osgi.api.annotations.PublisherService;
import org.osgi.service.component.annotations.Component;

/** {@code http://} publishers: see {@link HttpPublisher}. */
@Component(service = PublisherFactory.class)
@PublisherService(publisher_scheme = "http")
public class HttpPublisherFactory implements PublisherFactory {
    @Override
    public Publisher create(URI url, Map<String, Object> agentOptions) {
        return new HttpPublisher(url, agentOptions);
    }
}
