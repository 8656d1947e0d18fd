package org.ceilometer.osgi.pollster.share;

import java.util.ArrayList;
import java.util.List;
import org.ceilometer.osgi.api.Discovery;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.annotations.DiscoveryService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@code manila_shares} discovery: every share of every project, as Ceilometer's
 * {@code ShareDiscovery}. Resource id: the share id; payload: its compact record. Without a Manila
 * endpoint in the catalog it throws {@code EndpointNotFoundException}, which the agent logs once per cycle.
 */
@Component(service = Discovery.class, configurationPid = ManilaConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@DiscoveryService(discovery = ShareDiscovery.NAME)
@Designate(ocd = ManilaConfig.class)
public final class ShareDiscovery implements Discovery {
    public static final String NAME = "manila_shares";

    private final ManilaShares shares;

    @Activate
    public ShareDiscovery(ManilaConfig config) {
        this.shares = new ManilaShares(config);
    }

    @Override
    public List<Resource> discover(PollContext context, String param) throws Exception {
        List<ShareRecord> records = shares.list(context);
        List<Resource> out = new ArrayList<>(records.size());
        for (ShareRecord r : records) {
            out.add(Resource.of(r.id, r));
        }
        return out;
    }
}
