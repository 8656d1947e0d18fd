package org.ceilometer.osgi.pollster.rgw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.ceilometer.osgi.testsupport.FakeOpenStackClient;
import org.ceilometer.osgi.testsupport.FakePollContext;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;

/**
 * The RGW pollsters without a server: the answers' reading (RGW's JSON, as in Ceilometer's unit tests),
 * URLs, settings, the fan-out bound, and that the secret key is never published.
 */
class RgwPollstersTest {
    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    /** Two buckets in RGW's shape, the second with an unfinished multipart upload; a third empty. */
    static final String BUCKETS = """
            [
              {"bucket": "alpha", "owner": "p1", "id": "z.4126.1", "marker": "z.4126.1", "ver": "0#3",
               "usage": {"rgw.main": {"size": 1023000, "size_actual": 1040384, "size_kb": 1000,
                                      "size_kb_actual": 1016, "num_objects": 1000}},
               "bucket_quota": {"enabled": false, "max_size_kb": -1, "max_objects": -1}},
              {"usage": {"rgw.main": {"size_kb": 42, "size_kb_actual": 43, "num_objects": 1},
                         "rgw.multimeta": {"size_kb": 0, "num_objects": 2}},
               "bucket": "beta", "mtime": "2025-01-01T00:00:00.000000Z"},
              {"bucket": "empty", "usage": {}}
            ]""";

    /** A usage answer: entries, and a summary of two users' totals. */
    static final String USAGE = """
            {"entries": [{"user": "p1", "buckets": [{"bucket": "", "time": "2025-01-23 09:00:00.000000Z",
               "epoch": 1422003600, "categories": [{"category": "list_buckets", "ops": 3, "successful_ops": 3}]}]}],
             "summary": [
               {"user": "p1", "categories": [{"category": "get_obj", "bytes_sent": 0, "ops": 1}],
                "total": {"bytes_sent": 46, "bytes_received": 238, "ops": 7, "successful_ops": 6}},
               {"user": "p1$p1", "categories": [], "total": {"ops": 5}}]}""";

    private static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bucketStatsAreReadAsCeilometerReadsThem() throws IOException {
        BucketStats s = RgwAccounts.readBuckets(in(BUCKETS));
        assertEquals(3, s.numBuckets(), "num_buckets: every bucket listed");
        assertEquals(1042, s.sizeKb(), "size: size_kb summed over every category");
        assertEquals(1003, s.numObjects(), "num_objects likewise, rgw.multimeta included");
        assertEquals(List.of(new BucketStats.Bucket("alpha", 1000L, 1000L), new BucketStats.Bucket("beta", 1L, 42L),
                new BucketStats.Bucket("beta", 2L, 0L)), s.buckets(), "one entry per category; none when empty");
        assertEquals(BucketStats.EMPTY, RgwAccounts.readBuckets(in("")), "an empty answer is Ceilometer's {}");
        assertEquals(BucketStats.EMPTY, RgwAccounts.readBuckets(in("{}")));
        assertEquals(BucketStats.EMPTY, RgwAccounts.readBuckets(in("[]")));
        assertThrows(IOException.class, () -> RgwAccounts.readBuckets(in("{\"buckets\": []}")));
        assertThrows(IOException.class, () -> RgwAccounts.readBuckets(in("[{\"bucket\": \"cut\", \"usage\": {")));
        BucketStats partial = RgwAccounts.readBuckets(in("[{\"bucket\": \"x\", \"usage\": {\"rgw.main\": {\"size_kb\": 5}}}]"));
        assertEquals(List.of(new BucketStats.Bucket("x", null, 5L)), partial.buckets());
        assertEquals(0, partial.numObjects());
    }

    @Test
    void usageIsTheSumOfTheSummarysTotalOps() throws IOException {
        assertEquals(12L, RgwAccounts.readUsage(in(USAGE)));
        assertEquals(0L, RgwAccounts.readUsage(in("{\"entries\": [], \"summary\": []}")));
        IOException e = assertThrows(IOException.class, () -> RgwAccounts.readUsage(in("{\"entries\": []}")));
        assertTrue(e.getMessage().contains("summary"));
        assertThrows(IOException.class, () -> RgwAccounts.readUsage(in("")));
    }

    @Test
    void urlsAreCeilometers() throws OpenStackException {
        assertEquals("http://127.0.0.1:8080/admin", RgwAccounts.adminUrl("http://127.0.0.1:8080/swift/v1/AUTH_abc"));
        assertEquals("https://rgw.example.org/admin", RgwAccounts.adminUrl(" https://rgw.example.org "));
        assertEquals("http://h:7480/admin", RgwAccounts.adminUrl("http://h:7480/endpoint?x=1#f"));
        assertThrows(OpenStackException.class, () -> RgwAccounts.adminUrl("/relative/only"));
        assertEquals("http://h/admin/bucket?uid=foo&stats=true", RgwAccounts.bucketUrl("http://h/admin", "foo"));
        assertEquals("http://h/admin/bucket?uid=foo%24foo&stats=true",
                RgwAccounts.bucketUrl("http://h/admin", RgwSettings.of(Map.of("implicit_tenants", "true")).uid("foo")));
        assertEquals("http://h/admin/usage?uid=foo", RgwAccounts.usageUrl("http://h/admin", "foo"));
        assertEquals("foo", RgwSettings.of(Map.of()).uid("foo"));
        assertEquals("h:8080", RgwAdminClient.hostHeader(java.net.URI.create("http://H:8080/admin")));
        assertEquals("h", RgwAdminClient.hostHeader(java.net.URI.create("http://h:80/admin")));
        assertEquals("h", RgwAdminClient.hostHeader(java.net.URI.create("https://h:443/admin")));
        assertEquals("h:443", RgwAdminClient.hostHeader(java.net.URI.create("http://h:443/admin")));
    }

    @Test
    void settingsFollowCeilometersOptionsAndHideTheSecret() {
        RgwSettings d = RgwSettings.of(Map.of());
        assertNull(d.serviceType(), "[service_types] radosgw has no default");
        assertFalse(d.implicitTenants());
        assertTrue(d.insecure(), "Ceilometer's insecure defaults to True");
        assertFalse(d.hasCredentials());
        RgwSettings s = RgwSettings.of(Map.of("radosgw", "object-store", "access_key", "AK", "secret_key",
                "very-secret", "implicit_tenants", "yes", "insecure", "false", "tls_min_version", "1.3",
                "tls_max_version", "2.0", "rgw_service_name", "ceph"));
        assertEquals("object-store", s.serviceType());
        assertEquals("ceph", s.serviceName());
        assertTrue(s.implicitTenants());
        assertFalse(s.insecure());
        assertTrue(s.hasCredentials());
        assertEquals("1.3", s.tlsMinVersion());
        assertNull(s.tlsMaxVersion(), "not one of 1.2, 1.3: ignored");
        assertEquals(1, s.problems().size());
        assertTrue(s.problems().get(0).contains("tls_max_version"));
        assertFalse(s.toString().contains("very-secret"));
        assertTrue(s.toString().contains("secret_key=***"));
        assertEquals(true, RgwSettings.of(Map.of("implicit_tenants", Boolean.TRUE)).implicitTenants());
        assertArrayEquals(new String[] {"TLSv1.3"}, RgwAdminClient.protocols("1.3", null));
        assertArrayEquals(new String[] {"TLSv1.2", "TLSv1.3"}, RgwAdminClient.protocols("1.2", "1.3"));
        assertArrayEquals(new String[] {"TLSv1.2"}, RgwAdminClient.protocols(null, "1.2"));
        assertNull(RgwAdminClient.protocols(null, null));
        assertNull(RgwAdminClient.protocols("1.3", "1.2"));
    }

    @Test
    void errorCodesAreReadFromRgwsJsonOrXml() {
        assertEquals("SignatureDoesNotMatch", RgwAdminClient.errorCode(
                "{\"Code\":\"SignatureDoesNotMatch\",\"RequestId\":\"tx1\",\"HostId\":\"h\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("AccessDenied", RgwAdminClient.errorCode(
                "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code></Error>".getBytes(StandardCharsets.UTF_8)));
        assertNull(RgwAdminClient.errorCode("{\"error\": {\"code\": 500}}".getBytes(StandardCharsets.UTF_8)));
        assertNull(RgwAdminClient.errorCode(new byte[0]));
    }

    @Test
    void theSecretIsNeverAServiceProperty() throws Exception {
        List<Object[]> registrations = new ArrayList<>();
        BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("registerService")) {
                        registrations.add(args);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        Map<String, Object> config = new HashMap<>(Map.of("radosgw", "radosgw", "access_key", "AK",
                "secret_key", "very-secret", "component.name", RgwAdminComponent.class.getName()));
        RgwAdminComponent c = new RgwAdminComponent(context, config);
        assertEquals(1, registrations.size());
        assertEquals(RgwAdmin.class, registrations.get(0)[0]);
        assertEquals(c, registrations.get(0)[1]);
        assertTrue(((Dictionary<?, ?>) registrations.get(0)[2]).isEmpty(),
                "the service carries no configuration property");
        assertFalse(c.toString().contains("very-secret"));
        assertEquals("AK", c.settings().accessKey());
        c.deactivate();
        OpenStackException stopped = assertThrows(OpenStackException.class, () -> c.get("http://h/admin", in -> 1));
        assertTrue(stopped.getMessage().contains("stopped"));
    }

    /** The component descriptions bnd wrote: no component that registers a service reads the credentials. */
    @Test
    void noComponentThatRegistersAServiceReadsTheCredentialsPid() throws IOException {
        Path dir = Paths.get("target/classes/OSGI-INF");
        List<Path> xmls;
        try (Stream<Path> s = Files.list(dir)) {
            xmls = s.filter(p -> p.toString().endsWith(".xml")).toList();
        }
        assertEquals(10, xmls.size(), "six pollsters, the admin component, three option descriptions");
        int readers = 0;
        for (Path p : xmls) {
            String xml = Files.readString(p);
            if (xml.contains(RgwSettings.PID_CREDENTIALS)) {
                readers++;
                assertFalse(xml.contains("<service"), p + " registers a service and reads the credentials");
            }
            if (xml.contains("org.ceilometer.osgi.api.Pollster")) {
                assertTrue(xml.contains("configuration-policy=\"ignore\""), p.toString());
            }
        }
        assertEquals(2, readers);
    }

    @Test
    void theConfigurationChangesUnderneathWithoutReregistering() throws Exception {
        Map<String, Object> first = new HashMap<>(Map.of("radosgw", "radosgw", "access_key", "AK1", "secret_key", "s1"));
        RgwAdminComponent c = new RgwAdminComponent(first, Clock.systemUTC());
        assertEquals("AK1", c.settings().accessKey());
        c.modified(new HashMap<>(Map.of("radosgw", "rgw", "access_key", "AK2", "secret_key", "s2",
                "implicit_tenants", "true")));
        assertEquals("AK2", c.settings().accessKey());
        assertEquals("rgw", c.settings().serviceType());
        assertTrue(c.settings().implicitTenants());
        OpenStackException e = assertThrows(OpenStackException.class,
                () -> c.get("http://127.0.0.1:9/admin/usage?uid=x", in -> 1));
        assertEquals(-1, e.status(), "no answer from a closed port");
        c.deactivate();
    }

    /** An {@link RgwAdmin} that answers from memory and can hold every call until enough are in flight. */
    static final class FakeAdmin implements RgwAdmin {
        final RgwSettings settings;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final List<String> urls = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile CountDownLatch gate;

        FakeAdmin(Map<String, Object> config) {
            this.settings = RgwSettings.of(config);
        }

        @Override
        public RgwSettings settings() {
            return settings;
        }

        @Override
        public <T> T get(String url, BodyReader<T> reader) throws OpenStackException {
            urls.add(url);
            int n = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(n, Math::max);
            try {
                CountDownLatch g = gate;
                if (g != null) {
                    g.countDown();
                    if (!g.await(10, TimeUnit.SECONDS)) {
                        throw new OpenStackException("the gate never opened", -1);
                    }
                }
                return reader.read(in(url.contains("/usage") ? USAGE : BUCKETS));
            } catch (IOException e) {
                throw new OpenStackException("unreadable", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OpenStackException("interrupted", e);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    /** A catalog with one RGW endpoint; the fake records every lookup and every request. */
    static FakeOpenStackClient catalog() {
        return new FakeOpenStackClient().endpoint("radosgw", "http://rgw.example:7480/swift/v1");
    }

    @Test
    void projectsAreReadInParallelWithAtMostParallelismInFlight() throws Exception {
        FakeAdmin admin = new FakeAdmin(Map.of("radosgw", "radosgw", "access_key", "AK", "secret_key", "s"));
        FakeOpenStackClient os = catalog();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            FakePollContext ctx = new FakePollContext(os, NOW, pool, 3);
            List<Resource> projects = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                projects.add(Resource.of("p" + i));
            }
            projects.add(Resource.of("p0")); // a duplicate is polled once
            admin.gate = new CountDownLatch(3); // passes only once three calls are in flight together
            List<Sample> objects = new ArrayList<>();
            new ObjectsPollster(admin).getSamples(ctx, projects, objects::add);
            assertEquals(10, objects.size());
            assertEquals(3, admin.maxInFlight.get(), "exactly parallelism() requests at once");
            assertEquals(List.of("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9"),
                    objects.stream().map(Sample::projectId).toList(), "samples in the projects' order");
            assertEquals(1003L, objects.get(0).volume());
            assertEquals(10, admin.urls.size());
            assertTrue(admin.urls.contains("http://rgw.example:7480/admin/bucket?uid=p4&stats=true"));

            admin.gate = null;
            List<Sample> buckets = new ArrayList<>();
            new ContainersSizePollster(admin).getSamples(ctx, projects, buckets::add);
            assertEquals(30, buckets.size(), "three categories of two buckets per project, from the same round");
            assertEquals("p0/alpha", buckets.get(0).resourceId());
            assertEquals(1000L * 1024, buckets.get(0).volume());
            assertEquals(10, admin.urls.size(), "no new request in the same cycle");
            List<Sample> containers = new ArrayList<>();
            new ObjectsContainersPollster(admin).getSamples(ctx, projects, containers::add);
            assertEquals(3L, containers.get(0).volume());
            assertEquals("object", containers.get(0).unit(), "Ceilometer's unit for radosgw.objects.containers");
            List<Sample> usage = new ArrayList<>();
            new UsagePollster(admin).getSamples(ctx, projects, usage::add);
            assertEquals(12L, usage.get(9).volume());
            assertEquals("request", usage.get(9).unit());
            assertEquals(1, os.endpointLookups(), "the endpoint is looked up once per cycle");
            assertTrue(os.requests().isEmpty(), "no Keystone-authenticated call is made: " + os.requestLines());
            assertEquals("tenant", new UsagePollster(admin).defaultDiscovery());

            FakePollContext cancelled = new FakePollContext(catalog(), NOW, pool, 3);
            cancelled.cancel();
            List<Sample> none = new ArrayList<>();
            new ObjectsSizePollster(admin).getSamples(cancelled, projects, none::add);
            assertTrue(none.isEmpty(), "a cancelled cycle sends nothing");
            assertEquals(20, admin.urls.size());
        } finally {
            pool.shutdownNow();
        }
    }
}
