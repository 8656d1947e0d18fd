package org.ceilometer.osgi.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ceilometer.osgi.simulator.TestHttp.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GlanceTest {
    private static Simulator sim;
    private static String token;
    private static String images;

    @BeforeAll
    static void start() throws Exception {
        sim = Simulator.builder().seed(42).projects(10).images(60).start();
        token = TestHttp.token(sim);
        images = sim.endpoint("image", "public") + "/v2/images";
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** Follows {@code next} (relative to the endpoint, as Glance writes it) and returns every page. */
    private static List<JsonNode> pages(String endpoint, String firstUrl) throws Exception {
        List<JsonNode> pages = new ArrayList<>();
        String url = firstUrl;
        while (url != null) {
            Reply r = TestHttp.get(url, token);
            assertEquals(200, r.status(), r.raw().body());
            JsonNode page = r.json();
            pages.add(page);
            url = page.has("next") ? endpoint + page.path("next").asText() : null;
        }
        return pages;
    }

    @Test
    void pagesFollowNextUntilTheLastPageWhichHasNone() throws Exception {
        List<JsonNode> pages = pages(sim.endpoint("image", "public"), images + "?limit=25");
        assertEquals(3, pages.size(), "60 images by 25");
        assertEquals(25, pages.get(0).path("images").size());
        assertEquals(25, pages.get(1).path("images").size());
        assertEquals(10, pages.get(2).path("images").size());
        assertFalse(pages.get(2).has("next"));
        String lastOfFirst = pages.get(0).path("images").get(24).path("id").asText();
        assertEquals("/v2/images?limit=25&marker=" + lastOfFirst, pages.get(0).path("next").asText());
        assertEquals("/v2/images?limit=25", pages.get(0).path("first").asText());
        assertEquals("/v2/schemas/images", pages.get(0).path("schema").asText());

        List<String> ids = new ArrayList<>();
        pages.forEach(p -> p.path("images").forEach(i -> ids.add(i.path("id").asText())));
        assertEquals(sim.data().images().stream().map(SimImage::id).toList(), ids);
    }

    @Test
    void anExactMultipleEndsWithoutNextAndWithoutAnEmptyPage() throws Exception {
        List<JsonNode> pages = pages(sim.endpoint("image", "public"), images + "?limit=20");
        assertEquals(3, pages.size());
        assertEquals(20, pages.get(2).path("images").size());
        assertFalse(pages.get(2).has("next"));
    }

    @Test
    void defaultLimitIs25AndTheMaximum1000() throws Exception {
        Reply r = TestHttp.get(images, token);
        assertEquals(25, r.json().path("images").size());
        assertEquals("/v2/images", r.json().path("first").asText());
        assertTrue(r.json().path("next").asText().startsWith("/v2/images?marker="));
        try (Simulator big = Simulator.builder().images(1500).start()) {
            Reply page = TestHttp.get(big.endpoint("image", "public") + "/v2/images?limit=5000", TestHttp.token(big));
            assertEquals(1000, page.json().path("images").size());
            assertTrue(page.json().path("next").asText().contains("limit=5000"));
        }
    }

    @Test
    void imagesCarryGlanceFieldsWithTheSeededValues() throws Exception {
        JsonNode list = TestHttp.get(images + "?limit=60", token).json().path("images");
        assertEquals(60, list.size());
        Set<String> fields = Set.of("id", "name", "status", "visibility", "owner", "size", "virtual_size",
                "checksum", "os_hash_algo", "os_hash_value", "container_format", "disk_format", "created_at",
                "updated_at", "min_disk", "min_ram", "protected", "os_hidden", "tags", "file", "self", "schema");
        for (int n = 0; n < list.size(); n++) {
            JsonNode json = list.get(n);
            SimImage expected = sim.data().image(n);
            List<String> names = new ArrayList<>();
            json.fieldNames().forEachRemaining(names::add);
            assertEquals(fields, Set.copyOf(names));
            assertEquals(expected.id(), json.path("id").asText());
            assertEquals(expected.owner(), json.path("owner").asText());
            assertEquals(expected.status(), json.path("status").asText());
            assertEquals(expected.createdAt(), json.path("created_at").asText());
            assertEquals(expected.isProtected(), json.path("protected").asBoolean());
            assertEquals(expected.tags().size(), json.path("tags").size());
            if (expected.size() == null) {
                assertTrue(json.path("size").isNull());
                assertTrue(json.path("checksum").isNull());
            } else {
                assertEquals(expected.size().longValue(), json.path("size").asLong());
                assertEquals(expected.checksum(), json.path("checksum").asText());
            }
            assertEquals("/v2/images/" + expected.id(), json.path("self").asText());
            assertEquals("/v2/schemas/image", json.path("schema").asText());
        }
        assertTrue(list.get(5).path("size").isNull(), "image 5 is queued");
    }

    @Test
    void unknownMarkerAndBadLimitAnswer400() throws Exception {
        Reply r = TestHttp.get(images + "?marker=00000000-0000-4000-8000-000000000000", token);
        assertEquals(400, r.status());
        assertEquals(400, r.json().path("error").path("code").asInt());
        assertEquals(400, TestHttp.get(images + "?limit=-1", token).status());
        assertEquals(400, TestHttp.get(images + "?limit=ten", token).status());
        assertEquals(400, TestHttp.get(images + "?sort_dir=asc", token).status());
    }

    @Test
    void showsOneImageAnd404ForAnUnknownOne() throws Exception {
        SimImage image = sim.data().image(7);
        Reply r = TestHttp.get(images + "/" + image.id(), token);
        assertEquals(200, r.status());
        assertEquals(image.name(), r.json().path("name").asText());
        assertEquals(404, TestHttp.get(images + "/00000000-0000-4000-8000-000000000000", token).status());
    }

    @Test
    void everyInterfaceReachesTheSameImagesUnderItsOwnPrefix() throws Exception {
        sim.resetRequestCounts();
        for (String itf : List.of("public", "internal", "admin")) {
            Reply r = TestHttp.get(sim.endpoint("image", itf) + "/v2/images?limit=1", token);
            assertEquals(sim.data().image(0).id(), r.json().path("images").get(0).path("id").asText());
        }
        assertEquals(1, sim.requestCount("/image/"));
        assertEquals(1, sim.requestCount("/image-internal/"));
        assertEquals(1, sim.requestCount("/image-admin/"));
        assertEquals(3, sim.requestCount("/image"));
    }

    @Test
    void filtersByOwnerAcrossPages() throws Exception {
        String owner = sim.data().image(0).owner();
        List<String> expected = sim.data().images().stream().filter(i -> i.owner().equals(owner))
                .map(SimImage::id).toList();
        List<String> seen = new ArrayList<>();
        for (JsonNode page : pages(sim.endpoint("image", "public"), images + "?owner=" + owner + "&limit=2")) {
            page.path("images").forEach(i -> seen.add(i.path("id").asText()));
        }
        assertEquals(expected, seen);
    }

    @Test
    void emptyCloudListsNothing() throws Exception {
        try (Simulator empty = Simulator.builder().images(0).projects(0).start()) {
            Reply r = TestHttp.get(empty.endpoint("image", "public") + "/v2/images", TestHttp.token(empty));
            assertEquals(0, r.json().path("images").size());
            assertFalse(r.json().has("next"));
        }
    }

    @Test
    void aHundredThousandImagesAreListedInPagesOf1000() throws Exception {
        try (Simulator big = Simulator.builder().images(100_000).projects(50).start()) {
            String t = TestHttp.token(big);
            String endpoint = big.endpoint("image", "public");
            String url = endpoint + "/v2/images?limit=1000";
            int count = 0;
            int pages = 0;
            String lastId = null;
            while (url != null) {
                JsonNode page = TestHttp.get(url, t).json();
                JsonNode list = page.path("images");
                count += list.size();
                lastId = list.get(list.size() - 1).path("id").asText();
                url = page.has("next") ? endpoint + page.path("next").asText() : null;
                pages++;
            }
            assertEquals(100_000, count);
            assertEquals(100, pages);
            assertEquals(big.data().image(99_999).id(), lastId);
            assertEquals(100, big.requestCount("/image/v2/images"));
        }
    }
}
