package org.ceilometer.osgi.publishers;

import java.net.URI;
import java.util.Map;
import org.ceilometer.osgi.api.Publisher;
import org.ceilometer.osgi.api.PublisherFactory;
import org.ceilometer.osgi.api.annotations.PublisherService;
import org.osgi.service.component.annotations.Component;

/** {@code file://} publishers: see {@link FilePublisher}. */
@Component(service = PublisherFactory.class)
@PublisherService(publisher_scheme = "file")
public class FilePublisherFactory implements PublisherFactory {
    @Override
    public Publisher create(URI url, Map<String, Object> agentOptions) throws Exception {
        return new FilePublisher(url, agentOptions);
    }
}
