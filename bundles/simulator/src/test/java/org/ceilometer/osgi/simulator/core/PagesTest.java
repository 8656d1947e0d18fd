package org.ceilometer.osgi.simulator.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The paging, version and boolean helpers the service handlers share. */
class PagesTest {
    @Test
    void aWindowStartsAfterTheMarkerSkipsTheOffsetAndStopsAtTheLimit() {
        assertEquals(List.of(4, 6, 8), Pages.window(3, 20, i -> i % 2 == 0, 0, 3));
        assertEquals(List.of(8, 10), Pages.window(3, 11, i -> i % 2 == 0, 2, 5), "two visible ones skipped");
        assertEquals(List.of(0, 1, 2), Pages.window(0, 3, i -> true, 0, Pages.NONE));
        assertEquals(List.of(), Pages.window(0, 3, i -> true, 0, 0));
    }

    @Test
    void aLinksQueryKeepsTheRequestsParametersAndPutsTheMarkerLast() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("marker", List.of("old"));
        params.put("all_tenants", List.of("True"));
        params.put("limit", List.of("2"));
        assertEquals("all_tenants=True&limit=2&marker=a+b", Pages.query(params, "marker", "a b"));
        assertEquals("all_tenants=True&limit=2", Pages.query(params, "marker", null));
        assertEquals(List.of("old"), params.get("marker"), "the request's parameters are left alone");
    }

    @Test
    void aVersionListCarriesItsFieldsInOrderAndItsSelfLink() throws Exception {
        SimResponse r = Versions.single(300, "http://h/v3/", "id", "v3.0", "status", "CURRENT");
        assertEquals(300, r.status());
        JsonNode v = Json.MAPPER.readTree(r.bodyBytes()).path("versions").get(0);
        assertEquals(List.of("id", "status", "links"), List.copyOf(iterable(v.fieldNames())));
        assertEquals("http://h/v3/", v.path("links").get(0).path("href").asText());
        assertEquals("self", v.path("links").get(0).path("rel").asText());
        assertThrows(IllegalArgumentException.class, () -> Versions.single(200, "x", "id"));
    }

    @Test
    void booleanStringsAreOslos() {
        assertTrue(Query.bool(" Yes "));
        assertFalse(Query.bool("0"));
        assertNull(Query.bool(null));
        assertThrows(IllegalArgumentException.class, () -> Query.bool("maybe"));
        assertTrue(Query.isTrue("T"));
        assertFalse(Query.isTrue("maybe"));
        assertFalse(Query.isTrue(null));
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
