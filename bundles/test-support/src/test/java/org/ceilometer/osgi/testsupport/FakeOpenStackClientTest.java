package org.ceilometer.osgi.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.openstack.EndpointNotFoundException;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.api.openstack.Response;
import org.junit.jupiter.api.Test;

class FakeOpenStackClientTest {
    private static final String API = "http://api.test/v2";

    private static List<String> ids(List<JsonNode> items) {
        return items.stream().map(n -> n.path("id").asText()).toList();
    }

    @Test
    void aRouteWithoutQueryAnswersAnyQueryAndAQueryRouteOnlyItself() throws Exception {
        FakeOpenStackClient os = new FakeOpenStackClient()
                .serve(API + "/things", "[{\"id\": \"a\"}]")
                .serve(API + "/things?x=1", "{\"things\": [{\"id\": \"b\"}]}");
        List<JsonNode> got = new ArrayList<>();
        os.paginate(API + "/things?limit=5", "things", Map.of("H", "v"), got::add);
        os.paginate(API + "/things?x=1", "things", Map.of(), got::add);
        assertEquals(List.of("a", "b"), ids(got));
        assertEquals(List.of(API + "/things?limit=5", API + "/things?x=1"), os.paginated());
        assertEquals(Map.of("H", "v"), os.requests().get(0).headers());
        assertEquals(404, assertThrows(OpenStackException.class, () -> os.getJson(API + "/other")).status());
        assertEquals(404, os.request("GET", API + "/other", Map.of(), null).status(), "returned, not thrown");
    }

    @Test
    void failuresWinOverRoutesUntilCleared() throws Exception {
        FakeOpenStackClient os = new FakeOpenStackClient().serve(API + "/x", "{\"ok\": true}").fail(API + "/x", 503);
        assertEquals(503, assertThrows(OpenStackException.class, () -> os.getJson(API + "/x?y=1")).status());
        assertEquals(503, os.request("HEAD", API + "/x", Map.of(), null).status());
        os.clearFailures();
        assertTrue(os.getJson(API + "/x").path("ok").asBoolean());
        assertEquals(List.of("GET " + API + "/x?y=1", "HEAD " + API + "/x", "GET " + API + "/x"),
                os.requestLines());
    }

    @Test
    void paginateFollowsNextLinksOnceEach() throws Exception {
        FakeOpenStackClient os = new FakeOpenStackClient()
                .serve(API + "/a", "{\"items\": [{\"id\": 1}], \"next\": \"/v2/b\"}")
                .serve(API + "/b", "{\"items\": [{\"id\": 2}], \"links\": {\"next\": \"" + API + "/c\"}}")
                .serve(API + "/c", "{\"items\": [{\"id\": 3}], \"items_links\": [{\"rel\": \"next\", \"href\": \""
                        + API + "/a\"}]}");
        List<JsonNode> got = new ArrayList<>();
        os.paginate(API + "/a", "items", Map.of(), got::add);
        assertEquals(List.of("1", "2", "3"), ids(got), "the loop back to /a is not followed");
        assertEquals(List.of(API + "/a", API + "/b", API + "/c"), os.urls());
    }

    @Test
    void markerPagesCutTheListAsTheServerWould() throws Exception {
        FakeOpenStackClient os = new FakeOpenStackClient().serve(API + "/acct",
                "[{\"name\": \"a b\"}, {\"name\": \"c\"}, {\"name\": \"d\"}, {\"name\": \"e\"}]");
        List<JsonNode> got = new ArrayList<>();
        os.paginateByMarker(API + "/acct?format=json", null, "name", 2, Map.of(), got::add);
        assertEquals(4, got.size());
        assertEquals(List.of(API + "/acct?format=json&limit=2", API + "/acct?format=json&limit=2&marker=c",
                API + "/acct?format=json&limit=2&marker=e"), os.urls(), "an exact multiple ends with an empty page");
        assertThrows(IllegalArgumentException.class,
                () -> os.paginateByMarker(API + "/acct", null, "name", 0, Map.of(), got::add));
    }

    @Test
    void methodRoutesComeBeforeRoutesOfEveryMethod() throws Exception {
        FakeOpenStackClient os = new FakeOpenStackClient()
                .respond("HEAD", API + "/acct", 204, Map.of("X-Count", List.of("3")), "")
                .serve(API + "/acct", "[]");
        Response head = os.request("HEAD", API + "/acct", Map.of(), null);
        assertEquals(204, head.status());
        assertEquals("3", head.header("X-Count"));
        assertEquals(200, os.request("GET", API + "/acct", Map.of(), null).status());
        os.respond(API + "/raw", 200, "not json");
        assertTrue(assertThrows(OpenStackException.class, () -> os.getJson(API + "/raw")).getMessage()
                .contains("not JSON"));
        assertThrows(IllegalArgumentException.class, () -> os.serve(API + "/bad", "{"));
    }

    @Test
    void theCatalogIsCountedAndAMissingTypeIsNotFound() throws Exception {
        FakeOpenStackClient os = new FakeOpenStackClient().endpoint("image", "http://g1", "http://g2");
        assertEquals("http://g1", os.endpoint("image"));
        assertEquals(List.of("http://g1", "http://g2"), os.endpoints("image"));
        assertEquals("volumev3",
                assertThrows(EndpointNotFoundException.class, () -> os.endpoint("volumev3")).serviceType());
        os.removeEndpoint("image");
        assertEquals(List.of(), os.endpoints("image"));
        assertEquals(4, os.endpointLookups());
        assertEquals("p", os.projectId("p").projectId());
    }

    @Test
    void theHookRunsInEveryExchangeAndAnInterruptionFailsIt() {
        FakeOpenStackClient os = new FakeOpenStackClient().serve(API + "/x", "{}");
        List<String> seen = new ArrayList<>();
        os.onRequest(r -> seen.add(r.method()));
        assertEquals(204, assertDoesNotThrowStatus(os));
        assertEquals(List.of("DELETE"), seen);
        os.onRequest(r -> {
            throw new InterruptedException();
        });
        OpenStackException e = assertThrows(OpenStackException.class, () -> os.getJson(API + "/x"));
        assertTrue(Thread.interrupted(), "the interrupt flag is set again");
        assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
        os.clearRecords();
        assertTrue(os.requests().isEmpty());
    }

    private static int assertDoesNotThrowStatus(FakeOpenStackClient os) {
        try {
            os.respond("DELETE", API + "/x", 204, Map.of(), null);
            return os.request("DELETE", API + "/x", Map.of(), null).status();
        } catch (OpenStackException e) {
            throw new AssertionError(e);
        }
    }
}
