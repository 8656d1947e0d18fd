package org.ceilometer.osgi.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.simulator.Simulator;
import org.junit.jupiter.api.Test;

/** The real client against the simulator, and the delegating client around it. */
class SimulatorClientsTest {
    @Test
    void theRealClientReachesTheSimulatorAndStops() throws Exception {
        try (Simulator sim = Simulator.builder().seed(3).projects(2).images(12).start()) {
            OpenStackClient client = SimulatorClients.client(sim, "internal");
            try {
                assertEquals(List.of(sim.endpoint("image", "internal")), client.endpoints("image"));
                DelegatingClient watched = new DelegatingClient(client);
                List<Integer> seenAt = new ArrayList<>();
                watched.afterItems(5, () -> seenAt.add(watched.itemsStreamed()));
                List<JsonNode> images = new ArrayList<>();
                watched.paginate(client.endpoint("image") + "/v2/images?limit=4", "images", Map.of(), images::add);
                assertEquals(12, images.size(), "three pages followed by the real client");
                assertEquals(List.of(5), seenAt, "the hook ran once, after the fifth item");
                assertEquals(1, watched.maxListingsInFlight());
            } finally {
                SimulatorClients.close(client);
            }
            assertThrows(OpenStackException.class, () -> client.endpoint("image"));
            assertTrue(SimulatorClients.credentials(sim, "public", "RegionTwo").containsValue("RegionTwo"));
        }
    }
}
