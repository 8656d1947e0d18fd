package org.ceilometer.osgi.pollster.network;

import java.util.ArrayList;
import java.util.List;
import org.ceilometer.osgi.api.Discovery;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Resource;

/**
 * What the Neutron discoveries share: one listing of their collection per cycle, at the catalog's
 * {@code network} endpoint, each resource found a {@link Resource} whose id is the Neutron id (what
 * partitioning hashes) and whose payload is its {@link NeutronRecord}. A catalog without Neutron
 * throws {@link org.ceilometer.osgi.api.openstack.EndpointNotFoundException}, which the agent logs once
 * per cycle.
 */
abstract class AbstractNeutronDiscovery implements Discovery {
    private final int pageSize;
    private final boolean showPsk;

    AbstractNeutronDiscovery(NetworkPollsterConfig config) {
        this.pageSize = config.neutron__page__size();
        this.showPsk = config.ipsec__psk__in__metadata();
    }

    /** The collection this discovery lists. */
    abstract NeutronKind kind();

    /** Whether a listed resource is handed to the pollsters; all are, unless a discovery says otherwise. */
    boolean keep(NeutronRecord record) {
        return true;
    }

    @Override
    public List<Resource> discover(PollContext context, String param) throws Exception {
        List<NeutronRecord> records = NeutronListing.list(context, kind(), pageSize, showPsk);
        List<Resource> out = new ArrayList<>(records.size());
        for (NeutronRecord r : records) {
            if (keep(r)) {
                out.add(Resource.of(r.id, r));
            }
        }
        return out;
    }
}
