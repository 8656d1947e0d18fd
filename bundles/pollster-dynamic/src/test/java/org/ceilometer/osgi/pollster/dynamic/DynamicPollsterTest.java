package org.ceilometer.osgi.pollster.dynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.ceilometer.osgi.api.MeterType;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.testsupport.FakeOpenStackClient;
import org.ceilometer.osgi.testsupport.FakePollContext;
import org.ceilometer.osgi.testsupport.PollRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Worked examples of every field, against canned responses of a fake OpenStack session. */
class DynamicPollsterTest {
    static final String ENDPOINT = "http://cloud.test:8774/v2.1";

    final FakeOpenStackClient os = new FakeOpenStackClient().projectId("service-project");
    final FakePollContext ctx = Defs.cycle(os);

    @AfterEach
    void close() throws InterruptedException {
        ctx.close();
    }

    static String def(String extra) {
        return """
                - name: "dynamic.test"
                  sample_type: "gauge"
                  unit: "server"
                  value_attribute: "status"
                  endpoint_type: "compute"
                  url_path: "servers/detail"
                """ + extra;
    }

    @Test
    void samplesFollowMasterInNameTypeUnitVolumeIdsTimestampAndMetadata() {
        os.respond(ENDPOINT + "/servers/detail", """
                {"servers": [
                  {"id": "s1", "status": 3, "user_id": "u1", "project_id": "p1", "name": "vm1",
                   "flavor": {"vcpus": 2}},
                  {"id": "s2", "status": 4.5, "user_id": "u2", "project_id": "p2", "name": "vm2",
                   "flavor": {"vcpus": 4}}]}
                """);
        PollRun run = ctx.poll(Defs.pollster(def("""
                  metadata_fields: ["name", "flavor.vcpus", "missing.field"]
                """)), ENDPOINT);
        assertNull(run.error());
        Sample s = run.samples().get(0);
        assertEquals("dynamic.test", s.name());
        assertEquals(MeterType.GAUGE, s.type());
        assertEquals("server", s.unit());
        assertEquals(3L, s.volume());
        assertEquals(4.5, run.samples().get(1).volume());
        assertEquals("s1", s.resourceId());
        assertEquals("u1", s.userId());
        assertEquals("p1", s.projectId());
        assertEquals(Defs.NOW, s.timestamp());
        Map<String, Object> md = new LinkedHashMap<>();
        md.put("name", "vm1");
        md.put("flavor.vcpus", 2L);
        md.put("missing.field", null);
        assertEquals(md, s.resourceMetadata());
        assertEquals(List.of(ENDPOINT + "/servers/detail"), os.urls());
        assertEquals("GET", os.requests().get(0).method());
    }

    @Test
    void urlPathJoinsTheEndpointAsUrljoinDoes() {
        os.respond("http://cloud.test:8774/v2.1/servers/detail?all_tenants=true", "{\"servers\": []}");
        os.respond("http://cloud.test:8774/v2.1/relative/path", "{\"servers\": []}");
        ctx.poll(Defs.pollster(def("").replace("servers/detail", "/v2.1/servers/detail?all_tenants=true")), ENDPOINT);
        ctx.poll(Defs.pollster(def("").replace("servers/detail", "relative/path")), ENDPOINT + "/");
        assertEquals(List.of("http://cloud.test:8774/v2.1/servers/detail?all_tenants=true",
                "http://cloud.test:8774/v2.1/relative/path"), os.urls());
    }

    @Test
    void valueMappingWithDefaultValue() {
        os.respond(ENDPOINT + "/servers/detail", """
                {"servers": [{"id": "a", "status": "ACTIVE"}, {"id": "b", "status": "ERROR"},
                             {"id": "c", "status": "SHUTOFF"}, {"id": "d", "status": 7}]}
                """);
        PollRun run = ctx.poll(Defs.pollster(def("""
                  value_mapping:
                    ACTIVE: "1"
                    ERROR: 2.5
                    7: "70"
                  default_value: 0
                """)), ENDPOINT);
        assertNull(run.error());
        assertEquals(List.of(1L, 2.5, 0L, 70L), run.volumes());
        run = ctx.poll(Defs.pollster(def("""
                  value_mapping:
                    ACTIVE: 1
                """)), ENDPOINT);
        assertEquals(List.of(1L, -1L, -1L, -1L), run.volumes(), "master's default_value is -1");
    }

    @Test
    void skippedValuesGiveNoSample() {
        os.respond(ENDPOINT + "/servers/detail", """
                {"servers": [{"id": "a", "status": "ACTIVE"}, {"id": "b", "status": "DELETED"},
                             {"id": "c", "status": 0}, {"id": "d", "status": 0.0}, {"id": "e", "status": "0"}]}
                """);
        PollRun run = ctx.poll(Defs.pollster(def("""
                  skip_sample_values: ["DELETED", 0]
                  value_mapping: {ACTIVE: 1, "0": 5}
                """)), ENDPOINT);
        assertNull(run.error());
        assertEquals(List.of("a", "e"), run.resourceIds(), "0 and 0.0 are equal in Python, '0' is not");
        assertEquals(List.of(1L, 5L), run.volumes());
    }

    @Test
    void metadataMappingPreservesTheOldNamesByDefault() {
        os.respond(ENDPOINT + "/servers/detail", """
                {"servers": [{"id": "a", "status": 1, "name": "vm", "OS-EXT-AZ:availability_zone": "nova",
                              "tags": ["x", "y"]}]}
                """);
        String fields = """
                  metadata_fields: ["name", "OS-EXT-AZ:availability_zone", "tags | ','.join(value)"]
                  metadata_mapping:
                    name: "display_name"
                    "OS-EXT-AZ:availability_zone": "dynamic_availability_zone"
                    "tags | ','.join(value)": "dynamic_tags"
                """;
        Map<String, Object> kept = ctx.poll(Defs.pollster(def(fields)), ENDPOINT).samples().get(0).resourceMetadata();
        assertEquals(List.of("name", "OS-EXT-AZ:availability_zone", "tags | ','.join(value)", "display_name",
                "dynamic_availability_zone", "dynamic_tags"), new ArrayList<>(kept.keySet()));
        assertEquals("vm", kept.get("display_name"));
        assertEquals("x,y", kept.get("dynamic_tags"));
        Map<String, Object> moved = ctx.poll(Defs.pollster(def(fields + "  preserve_mapped_metadata: false\n")),
                ENDPOINT).samples().get(0).resourceMetadata();
        assertEquals(Map.of("display_name", "vm", "dynamic_availability_zone", "nova", "dynamic_tags", "x,y"), moved);
    }

    @Test
    void responseEntriesKeyAndIdAttributesWithOperations() {
        os.respond(ENDPOINT + "/usage", """
                {"entries": [], "summary": {"list": [
                   {"user": "proj1$user1", "total": {"ops": 102}},
                   {"user": "proj2$user2", "total": {"ops": 49}}]}}
                """);
        PollRun run = ctx.poll(Defs.pollster("""
                - name: "dynamic.radosgw.api.request"
                  sample_type: "gauge"
                  unit: "request"
                  value_attribute: "total.ops"
                  endpoint_type: "object-store"
                  url_path: "usage"
                  response_entries_key: "summary.list"
                  user_id_attribute: "user | value.split('$')[1]"
                  project_id_attribute: "user | value.split('$') | value[0]"
                  resource_id_attribute: "user  | value.split('$') | value[0] | value.upper()"
                """), ENDPOINT);
        assertNull(run.error());
        assertEquals(List.of(102L, 49L), run.volumes());
        assertEquals(List.of("PROJ1", "PROJ2"), run.resourceIds());
        assertEquals("user1", run.samples().get(0).userId());
        assertEquals("proj1", run.samples().get(0).projectId());
    }

    @Test
    void withoutEntriesKeyTheFirstKeyOrTheListItselfIsUsed() {
        os.respond(ENDPOINT + "/a", "{\"first\": [{\"id\": 1, \"status\": 1}], \"second\": [{\"id\": 2, \"status\": 2}]}");
        os.respond(ENDPOINT + "/b", "[{\"id\": 3, \"status\": 3}]");
        os.respond(ENDPOINT + "/c", "{\"one\": {\"id\": 4, \"status\": 4}}");
        os.respond(ENDPOINT + "/d", "{}");
        assertEquals(List.of("1"), ctx.poll(Defs.pollster(def("").replace("servers/detail", "a")), ENDPOINT).resourceIds());
        assertEquals(List.of("3"), ctx.poll(Defs.pollster(def("").replace("servers/detail", "b")), ENDPOINT).resourceIds());
        assertEquals(List.of("4"), ctx.poll(Defs.pollster(def("").replace("servers/detail", "c")), ENDPOINT).resourceIds());
        PollRun empty = ctx.poll(Defs.pollster(def("").replace("servers/detail", "d")), ENDPOINT);
        assertNull(empty.error());
        assertEquals(List.of(), empty.samples());
    }

    /** The complex linked response of telemetry-dynamic-pollster.rst, "Handling linked API responses". */
    @Test
    void paginationThroughNextSampleUrlAttribute() {
        String page = """
                {"server_link": [{"href": "%s", "rel": "next"}, {"href": "http://test.com/prev", "rel": "prev"}],
                 "servers": [{"id": %d, "name": "a%d", "volume": [{"name": "a", "tmp": %d}]},
                             {"id": %d, "name": "b%d", "volume": [{"name": "b", "tmp": %d}]}]}
                """;
        os.respond("http://test.com/v1/test-volumes", String.format(page, "http://test.com/v1/test-volumes/marker=2", 1, 1, 10, 2, 2, 20));
        os.respond("http://test.com/v1/test-volumes/marker=2", String.format(page, "/v1/test-volumes/marker=4", 3, 3, 30, 4, 4, 40));
        os.respond("http://test.com/v1/test-volumes/marker=4", """
                {"server_link": [{"href": "http://test.com/prev", "rel": "prev"}],
                 "servers": [{"id": 5, "name": "c5", "volume": [{"name": "c", "tmp": 50}]}]}
                """);
        String yaml = """
                - name: "dynamic.linked.response"
                  sample_type: "gauge"
                  unit: "request"
                  value_attribute: "id"
                  endpoint_type: "test"
                  url_path: "v1/test-volumes"
                  response_entries_key: "servers"
                  next_sample_url_attribute: "server_link | filter(lambda v: v.get('rel') == 'next', value) | list(value) | value[0] | value.get('href')"
                """;
        PollRun run = ctx.poll(Defs.pollster(yaml), "http://test.com");
        assertNull(run.error(), () -> String.valueOf(run.error()));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), run.volumes());
        assertEquals(List.of("http://test.com/v1/test-volumes", "http://test.com/v1/test-volumes/marker=2",
                "http://test.com/v1/test-volumes/marker=4"), os.urls(), "a relative link is joined to the endpoint");
        // the multi-metric form of the same document: one sample per volume, named after it
        os.clearRecords();
        PollRun multi = ctx.poll(Defs.pollster(yaml.replace("dynamic.linked.response", "dynamic.linked.{name}")
                .replace("\"id\"", "\"[volume].tmp\"") + "  skip_sample_values: [20, \"c\"]\n"), "http://test.com");
        assertNull(multi.error());
        assertEquals(List.of(10L, 30L, 40L), multi.volumes());
        assertEquals(List.of("dynamic.linked.a", "dynamic.linked.a", "dynamic.linked.b"),
                multi.samples().stream().map(Sample::name).toList());
    }

    @Test
    void paginationStopsOnALoop() {
        os.respond(ENDPOINT + "/servers/detail", "{\"next\": \"" + ENDPOINT + "/servers/detail\", \"servers\": [{\"id\": 1, \"status\": 1}]}");
        PollRun run = ctx.poll(Defs.pollster(def("""
                  response_entries_key: servers
                  next_sample_url_attribute: next
                """)), ENDPOINT);
        assertEquals(1, os.requests().size());
        assertEquals(List.of(1L), run.volumes());
    }

    @Test
    void headersAreSentWithTheRequest() {
        os.respond(ENDPOINT + "/servers/detail", "{\"servers\": [{\"id\": 1, \"status\": 1}]}");
        ctx.poll(Defs.pollster(def("""
                  headers:
                    "Openstack-API-Version": "compute 2.65"
                    "x-openstack-nova-api-version": "2.46"
                """)), ENDPOINT);
        assertEquals(Map.of("Openstack-API-Version", "compute 2.65", "x-openstack-nova-api-version", "2.46"),
                os.requests().get(0).headers());
    }

    @Test
    void timeoutGivesUpOnAHangingRequestAndCancelsIt() throws InterruptedException {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        os.onRequest(r -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        });
        long t0 = System.nanoTime();
        PollRun run = ctx.poll(Defs.pollster(def("  timeout: 0.2\n")), ENDPOINT);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertNotNull(run.error());
        assertTrue(run.error().getMessage().contains("no response within 0.2 s (timeout)"), run.error().getMessage());
        assertTrue(ms >= 150 && ms < 10_000, ms + " ms");
        assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the hanging request is cancelled");
    }

    @Test
    void xmlResponseHandler() {
        os.respond(ENDPOINT + "/servers/detail", """
                <servers>
                  <server id="s1"><status>3</status><name>vm1</name></server>
                  <server id="s2"><status>5</status><name>vm2</name></server>
                </servers>
                """);
        PollRun run = ctx.poll(Defs.pollster(def("""
                  response_handlers: [xml]
                  response_entries_key: "servers.server"
                  resource_id_attribute: "@id"
                  metadata_fields: ["name"]
                """)), ENDPOINT);
        assertNull(run.error(), () -> String.valueOf(run.error()));
        assertEquals(List.of(3L, 5L), run.volumes(), "xmltodict gives text; a numeric text is a number of the sample");
        assertEquals(List.of("s1", "s2"), run.resourceIds());
        assertEquals("vm2", run.samples().get(1).resourceMetadata().get("name"));
    }

    @Test
    void textResponseHandlerAndAChainOfHandlers() {
        os.respond(ENDPOINT + "/servers/detail", "42 requests served");
        PollRun run = ctx.poll(Defs.pollster(def("""
                  response_handlers: [json, text]
                  value_attribute: "out | int(value.split()[0])"
                  resource_id_attribute: "out | 'host-' + value.split()[1]"
                """).replace("  value_attribute: \"status\"\n", "")), ENDPOINT);
        assertNull(run.error(), () -> String.valueOf(run.error()));
        assertEquals(List.of(42L), run.volumes());
        assertEquals(List.of("host-requests"), run.resourceIds());
        os.respond(ENDPOINT + "/servers/detail", "{\"servers\": [{\"id\": 1, \"status\": 1}]}");
        PollRun json = ctx.poll(Defs.pollster(def("  response_handlers: [xml, json]\n")), ENDPOINT);
        assertEquals(List.of(1L), json.volumes(), "xml fails, json is tried next");
        os.respond(ENDPOINT + "/servers/detail", "neither");
        PollRun none = ctx.poll(Defs.pollster(def("  response_handlers: [xml, json]\n")), ENDPOINT);
        assertTrue(none.error().getMessage().contains("no remaining handlers to handle the response"),
                none.error().getMessage());
    }

    @Test
    void multiMetricPollsterAsMastersTest() {
        os.respond(ENDPOINT + "/usage", """
                [{"user_id": "UID-U007", "project_id": "UID-P007", "id": "UID-007",
                  "categories": [
                    {"bytes_received": 0, "bytes_sent": 0, "category": "create_bucket", "ops": 2, "successful_ops": 2},
                    {"bytes_received": 0, "bytes_sent": 2120428, "category": "get_obj", "ops": 46, "successful_ops": 46},
                    {"bytes_received": 0, "bytes_sent": 21484, "category": "list_bucket", "ops": 8, "successful_ops": 8},
                    {"bytes_received": 6889056, "bytes_sent": 0, "category": "put_obj", "ops": 46, "successful_ops": 6}],
                  "user": "test-user"}]
                """);
        PollRun run = ctx.poll(Defs.pollster("""
                - name: "test-pollster.{category}"
                  sample_type: "gauge"
                  unit: "test"
                  value_attribute: "[categories].ops"
                  endpoint_type: "rgw"
                  url_path: "usage"
                  skip_sample_values: ["list_bucket"]
                  metadata_fields: ["user"]
                """), ENDPOINT);
        assertNull(run.error());
        assertEquals(List.of("test-pollster.create_bucket", "test-pollster.get_obj", "test-pollster.put_obj"),
                run.samples().stream().map(Sample::name).toList());
        assertEquals(List.of(2L, 46L, 46L), run.volumes());
        assertEquals("UID-007", run.samples().get(0).resourceId());
        assertEquals(Map.of("user", "test-user"), run.samples().get(0).resourceMetadata());
    }

    @Test
    void entriesThatCannotBecomeSamplesAreSkippedAndReported() {
        os.respond(ENDPOINT + "/servers/detail", """
                {"servers": [{"id": "a", "status": 1}, {"id": "b", "status": "up"}, {"status": 3},
                             {"id": "d"}, {"id": "e", "status": 5}, {"id": "f", "status": null}]}
                """);
        PollRun run = ctx.poll(Defs.pollster(def("")), ENDPOINT);
        assertEquals(List.of("a", "e"), run.resourceIds(), "the good entries are handed over; None gives no sample");
        assertNotNull(run.error());
        String m = run.error().getMessage();
        assertTrue(m.startsWith("dynamic.test: 3 entries skipped (first: the value 'up' of 'dynamic.test' is not a number)"), m);
    }

    @Test
    void aFailingResourceDoesNotStopTheOthers() {
        os.respond("http://r2.test/servers/detail", "{\"servers\": [{\"id\": \"x\", \"status\": 9}]}");
        PollRun run = ctx.poll(Defs.pollster(def("")), "http://r1.test", "http://r2.test");
        assertEquals(List.of(9L), run.volumes());
        assertTrue(run.error().getMessage().contains("1 request(s) failed (first: GET http://r1.test/servers/detail: HTTP 404)"),
                run.error().getMessage());
    }

    static final String PROJECTS = """
            {"projects": [
                {"project_id": 9999, "id": "r1", "name": "project1"},
                {"project_id": 8888, "id": "r2", "name": "project2"},
                {"project_id": 7777, "id": "r3", "name": "project3"}]}
            """;

    /** Master's test_execute_request_extra_metadata_fields: three fields, each reading the ones before. */
    @Test
    void extraMetadataFieldsReadTheSampleAndEachOther() {
        os.endpoint("identity", "https://keystone.test/");
        os.respond(ENDPOINT + "/v1/test/endpoint/fake", PROJECTS);
        String[][] projects = {{"9999", "project1", "m1"}, {"8888", "project2", "m2"}, {"7777", "project3", "m3"}};
        for (String[] p : projects) {
            os.respond("https://keystone.test/v3/projects/" + p[0],
                    "{\"project\": {\"project_id\": " + p[0] + ", \"name\": \"" + p[1] + "\", \"meta\": \"" + p[2] + "\"}}");
            os.respond("https://keystone.test/v3/projects/" + p[1],
                    "{\"project\": {\"project_id\": 7777, \"name\": \"p" + p[1].substring(7) + "\", \"meta\": null}}");
            os.respond("https://keystone.test/v3/projects/" + p[2],
                    "{\"project\": {\"project_id\": \"META" + p[2].substring(1) + "\", \"name\": \"p3\", \"meta\": null}}");
        }
        PollRun run = ctx.poll(Defs.pollster("""
                - name: "test-pollster"
                  sample_type: "gauge"
                  unit: "test"
                  value_attribute: "project_id"
                  endpoint_type: "test"
                  url_path: "v1/test/endpoint/fake"
                  extra_metadata_fields:
                    - name: "project_name"
                      endpoint_type: "identity"
                      url_path: "'/v3/projects/' + str(sample['project_id'])"
                      value: "name"
                      metadata_fields: ["meta"]
                    - name: "project_alias"
                      endpoint_type: "identity"
                      url_path: "'/v3/projects/' + str(extra_metadata_captured['project_name'])"
                      value: "name"
                      metadata_fields: ["meta"]
                    - name: "project_meta"
                      endpoint_type: "identity"
                      url_path: "'/v3/projects/' + str(extra_metadata_by_name['project_name']['metadata']['meta'])"
                      value: "project_id"
                      metadata_fields: ["meta"]
                """), ENDPOINT);
        assertNull(run.error(), () -> String.valueOf(run.error()));
        assertEquals(List.of(9999L, 8888L, 7777L), run.volumes());
        assertEquals(Map.of("project_name", "project1", "project_alias", "p1", "meta", "m1", "project_meta", "META1"),
                run.samples().get(0).resourceMetadata());
        assertEquals(Map.of("project_name", "project3", "project_alias", "p3", "meta", "m3", "project_meta", "META3"),
                run.samples().get(2).resourceMetadata());
    }

    static final String CACHED = """
            - name: "test-pollster"
              sample_type: "gauge"
              unit: "test"
              value_attribute: "project_id"
              endpoint_type: "test"
              url_path: "v1/test/endpoint/fake"
              extra_metadata_fields:
                extra_metadata_fields_cache_seconds: %d
                name: "project_name"
                endpoint_type: "identity"
                url_path: "'/v3/projects/' + str(sample['project_id'])"
                value: "name"
            """;

    /** Master's cache tests: nine samples of three projects; 4 requests with the cache, 10 without. */
    @Test
    void extraMetadataResponsesAreCachedForTheirSeconds() {
        os.endpoint("identity", "https://keystone.test");
        StringBuilder list = new StringBuilder("{\"projects\": [");
        for (int i = 0; i < 9; i++) {
            int id = 9999 - (i % 3) * 1111;
            list.append(i == 0 ? "" : ",").append("{\"project_id\": ").append(id).append(", \"id\": \"r").append(i)
                    .append("\"}");
        }
        os.respond(ENDPOINT + "/v1/test/endpoint/fake", list.append("]}").toString());
        for (int id : new int[] {9999, 8888, 7777}) {
            os.respond("https://keystone.test/v3/projects/" + id, "{\"project\": {\"name\": \"n" + id + "\"}}");
        }
        AtomicLong nanos = new AtomicLong();
        DynamicPollster cached = new DynamicPollster(Defs.one(String.format(CACHED, 3600)), "t", Clock.systemUTC(),
                new ResponseCache(nanos::get));
        PollRun run = ctx.poll(cached, ENDPOINT);
        assertNull(run.error());
        assertEquals(9, run.samples().size());
        assertEquals("n8888", run.samples().get(4).resourceMetadata().get("project_name"));
        assertEquals(4, os.requests().size());
        ctx.poll(cached, ENDPOINT);
        assertEquals(5, os.requests().size(), "the next cycle still reads from the cache");
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(3601));
        ctx.poll(cached, ENDPOINT);
        assertEquals(9, os.requests().size(), "expired entries are fetched again");

        os.clearRecords();
        ctx.poll(Defs.pollster(String.format(CACHED, 0)), ENDPOINT);
        assertEquals(10, os.requests().size());
    }

    /** Master's test_execute_request_extra_metadata_fields_skip. */
    @Test
    void extraMetadataFieldsSkip() {
        os.endpoint("identity", "https://keystone.test");
        os.respond(ENDPOINT + "/v1/test/endpoint/fake", """
                {"projects": [
                    {"project_id": 9999, "id": "a", "p_name": "project1", "to_skip": "skip1"},
                    {"project_id": 8888, "id": "b", "p_name": "project2", "to_skip": "skip2"},
                    {"project_id": 7777, "id": "c", "p_name": "project3", "to_skip": "skip3"},
                    {"project_id": 6666, "id": "d", "p_name": "project4", "to_skip": "skip4"}]}
                """);
        for (int i = 1; i <= 4; i++) {
            int id = 9999 - (i - 1) * 1111;
            os.respond("https://keystone.test/v3/projects/" + id, "{\"project\": {\"name\": \"project" + i + "\"}}");
            os.respond("https://keystone.test/v3/projects/project" + i, "{\"project\": {\"name\": \"p" + i + "\"}}");
        }
        PollRun run = ctx.poll(Defs.pollster("""
                - name: "test-pollster"
                  sample_type: "gauge"
                  unit: "test"
                  value_attribute: "project_id"
                  endpoint_type: "test"
                  url_path: "v1/test/endpoint/fake"
                  metadata_fields: ["to_skip", "p_name"]
                  extra_metadata_fields_skip:
                    - metadata: {to_skip: skip1}
                    - value: 8888
                  extra_metadata_fields:
                    - name: "project_name"
                      endpoint_type: "identity"
                      url_path: "'/v3/projects/' + str(sample['project_id'])"
                      value: "name"
                    - name: "project_alias"
                      endpoint_type: "identity"
                      extra_metadata_fields_skip: [{value: 7777}]
                      url_path: "'/v3/projects/' + str(sample['p_name'])"
                      value: "name"
                """), ENDPOINT);
        assertNull(run.error(), () -> String.valueOf(run.error()));
        assertEquals(Map.of("p_name", "project1", "project_alias", "p1", "to_skip", "skip1"),
                run.samples().get(0).resourceMetadata());
        assertEquals(Map.of("p_name", "project2", "project_alias", "p2", "to_skip", "skip2"),
                run.samples().get(1).resourceMetadata());
        assertEquals(Map.of("p_name", "project3", "project_name", "project3", "to_skip", "skip3"),
                run.samples().get(2).resourceMetadata());
        assertEquals(Map.of("p_name", "project4", "project_alias", "p4", "project_name", "project4", "to_skip", "skip4"),
                run.samples().get(3).resourceMetadata());
    }

    @Test
    void aFailingExtraMetadataRequestKeepsTheSample() {
        os.endpoint("identity", "https://keystone.test");
        os.respond(ENDPOINT + "/v1/test/endpoint/fake", PROJECTS);
        PollRun run = ctx.poll(Defs.pollster(String.format(CACHED, 0)), ENDPOINT);
        assertEquals(3, run.samples().size());
        assertFalse(run.samples().get(0).resourceMetadata().containsKey("project_name"));
        assertTrue(run.error().getMessage().contains("3 request(s) failed (first: extra_metadata_fields 'project_name'"),
                run.error().getMessage());
    }

    @Test
    void anEditedDefinitionIsUsedFromTheNextRun() {
        os.respond(ENDPOINT + "/servers/detail", "{\"servers\": [{\"id\": 1, \"status\": 1, \"size\": 7}]}");
        DynamicPollster p = Defs.pollster(def(""));
        assertEquals(List.of(1L), ctx.poll(p, ENDPOINT).volumes());
        p.update(Defs.one(def("").replace("\"status\"", "\"size | value * 1000\"")));
        assertEquals(List.of(7000L), ctx.poll(p, ENDPOINT).volumes());
    }
}
