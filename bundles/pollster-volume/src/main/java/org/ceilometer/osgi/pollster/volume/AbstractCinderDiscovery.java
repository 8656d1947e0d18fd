package org.ceilometer.osgi.pollster.volume;

import java.util.ArrayList;
import java.util.List;
import org.ceilometer.osgi.api.Discovery;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Resource;

/**
 * What the Cinder discoveries share: one listing of all projects per cycle, each item a resource whose
 * id is the stable id partitioning hashes and whose payload is the item's compact record. A missing
 * Cinder endpoint throws {@code EndpointNotFoundException}, which the agent logs once per cycle.
 */
abstract class AbstractCinderDiscovery<T> implements Discovery {
    final CinderApi api;

    AbstractCinderDiscovery(CinderConfig config) {
        this.api = new CinderApi(config);
    }

    /** The records of this cycle, listed once. */
    abstract List<T> list(PollContext context) throws Exception;

    /** The resource id of a record. */
    abstract String idOf(T record);

    @Override
    public List<Resource> discover(PollContext context, String param) throws Exception {
        List<T> records = list(context);
        List<Resource> out = new ArrayList<>(records.size());
        for (T r : records) {
            out.add(Resource.of(idOf(r), r));
        }
        return out;
    }
}
