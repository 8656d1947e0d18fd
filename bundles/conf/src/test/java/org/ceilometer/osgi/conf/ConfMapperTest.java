package org.ceilometer.osgi.conf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ceilometer.osgi.conf.MappingResult.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfMapperTest {
    @TempDir
    Path dir;

    private MappingResult map(String text) throws Exception {
        return map(text, Map.of());
    }

    private MappingResult map(String text, Map<String, Set<String>> declared) throws Exception {
        return new ConfMapper(OptionCatalog.standard(), declared, dir, dir, Map.of("host", "node-7")::get)
                .map(IniParser.parse(text));
    }

    private static Object value(MappingResult r, String pid, String option) {
        Map<String, Setting> m = r.pids().get(pid);
        Setting s = m == null ? null : m.get(option);
        return s == null ? null : s.value();
    }

    @Test
    void anIcehouseDeploymentWithTheOldNames() throws Exception {
        MappingResult r = map(Resources.text("ceilometer.conf.deployment-icehouse"));

        String sc = "ceilometer.service_credentials";
        assertEquals("ceilometer", value(r, sc, "username"));
        assertEquals("svc-secret", value(r, sc, "password"));
        assertEquals("services", value(r, sc, "project_name"));
        assertEquals("http://192.0.2.5:5000/v2.0", value(r, sc, "auth_url"));
        assertEquals("RegionOne", value(r, sc, "region_name"));
        assertEquals("internalURL", value(r, sc, "interface"));
        assertEquals("/etc/ssl/certs/openstack-ca.pem", value(r, sc, "cafile"));
        assertEquals("false", value(r, sc, "insecure"));
        assertEquals("30", value(r, sc, "timeout"), "[DEFAULT] http_timeout");
        assertEquals("typo", value(r, sc, "os_tenant_nmae"), "unknown options are copied");
        assertNull(value(r, sc, "os_username"), "old names are not copied under their own name");

        assertEquals("mongodb://ceilometer:db-secret@192.0.2.30:27017,192.0.2.31:27017/ceilometer?replicaSet=rs0",
                value(r, "ceilometer.database", "connection"));
        assertEquals("604800", value(r, "ceilometer.database", "time_to_live"));
        assertEquals("dc1", value(r, "ceilometer.polling", "partitioning_group_prefix"));
        assertEquals("/etc/ceilometer/pipeline.yaml", value(r, "ceilometer.polling", "pipeline_cfg_file"));
        assertEquals("zookeeper://192.0.2.20:2181,192.0.2.21:2181/ceilometer",
                value(r, "ceilometer.coordination", "backend_url"));
        assertEquals("1.0", value(r, "ceilometer.coordination", "heartbeat"));
        assertEquals("sign-secret", value(r, "ceilometer.publisher", "telemetry_secret"));
        assertEquals("ctl-1", value(r, "ceilometer.default", "host"));
        assertEquals("AUTH_", value(r, "ceilometer.pollster.objectstore", "reseller_prefix"));
        assertEquals("200", value(r, "ceilometer.pollster.image", "glance_page_size"));

        assertEquals(Set.of("ceilometer.service_credentials", "ceilometer.database", "ceilometer.polling",
                "ceilometer.coordination", "ceilometer.publisher", "ceilometer.default", "ceilometer.pollster.image",
                "ceilometer.pollster.objectstore"),
                r.pids().keySet());
        assertEquals(List.of("[DEFAULT] my_site_flag (line 20)", "[service_credentials] os_tenant_nmae (line 64)"),
                r.unknown().stream().map(Object::toString).collect(Collectors.toList()));
        Set<String> ignored = r.ignored().stream().map(l -> l.section() + "/" + l.key()).collect(Collectors.toSet());
        assertTrue(ignored.containsAll(Set.of("DEFAULT/rabbit_password", "DEFAULT/debug", "DEFAULT/rpc_backend",
                "keystone_authtoken/admin_password", "api/port", "collector/udp_port", "alarm/evaluation_interval")),
                ignored.toString());
        assertEquals(21, r.ignored().size(), "10 in [DEFAULT], 6 in [keystone_authtoken], 2 in [api], 2 in [collector], 1 in [alarm]");

        Setting username = r.pids().get(sc).get("username");
        assertEquals("os_username", username.origin().key());
        assertEquals(56, username.origin().line());
        assertTrue(r.renamed().contains("[service_credentials] os_username (line 56) is read as "
                + "ceilometer.service_credentials username"), r.renamed().toString());
        assertTrue(r.renamed().stream().anyMatch(s -> s.startsWith("[central] partitioning_group_prefix")));
        assertTrue(r.problems().isEmpty(), r.problems().toString());
    }

    @Test
    void aDeploymentOfToday() throws Exception {
        MappingResult r = map(Resources.text("ceilometer.conf.deployment-2024"));
        assertTrue(r.unknown().isEmpty(), r.unknown().toString());
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertTrue(r.renamed().isEmpty(), r.renamed().toString());
        String sc = "ceilometer.service_credentials";
        assertEquals("http://192.0.2.5:5000", value(r, sc, "auth_url"));
        assertEquals("svc-secret", value(r, sc, "password"), "not keystone_authtoken's: no auth_section");
        assertEquals("default", value(r, sc, "user_domain_id"));
        assertEquals("internal", value(r, sc, "interface"));
        assertEquals("central-a", value(r, "ceilometer.polling", "partitioning_group_prefix"));
        assertEquals("redis://admin:redis-secret@192.0.2.40:6379?sentinel=kolla&db=0&socket_timeout=60",
                value(r, "ceilometer.coordination", "backend_url"));
        assertEquals("object-store", value(r, "ceilometer.service_types", "swift"));
        MappingResult types = map("[service_types]\ncinderv2 = volumev2\nmanila = share\n");
        assertEquals("volumev2", value(types, "ceilometer.pollster.volume", "service_type"));
        assertEquals("share", value(types, "ceilometer.pollster.share", "service_type"));
        assertTrue(types.renamed().stream().anyMatch(x -> x.startsWith("[service_types] cinderv2 (line 2) is read as "
                + "ceilometer.pollster.volume service_type")), types.renamed().toString());
        assertTrue(types.renamed().stream().noneMatch(x -> x.startsWith("[service_types] manila")));
        assertEquals(Set.of(sc, "ceilometer.polling", "ceilometer.coordination", "ceilometer.publisher",
                "ceilometer.service_types"), r.pids().keySet());
        Set<String> ignoredSections = r.ignored().stream().map(l -> l.section()).collect(Collectors.toSet());
        assertEquals(Set.of("DEFAULT", "oslo_messaging_notifications", "oslo_messaging_rabbit", "oslo_concurrency",
                "keystone_authtoken", "cache"), ignoredSections);
    }

    @Test
    void connectionPrecedenceAsJunoReadsIt() throws Exception {
        String all = "[DEFAULT]\ndatabase_connection = mongodb://h2/db\nsql_connection = mysql://h0/db\n"
                + "[database]\nconnection = mongodb://h1/db\nmetering_connection = mongodb://h3/metering\n";
        MappingResult r = map(all);
        assertEquals("mongodb://h3/metering", value(r, "ceilometer.database", "connection"));
        assertEquals(3, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(0).startsWith("[DEFAULT] database_connection (line 2) is not used"),
                r.problems().toString());

        r = map(all.replace("metering_connection", "x_metering_connection"));
        assertEquals("mongodb://h2/db", value(r, "ceilometer.database", "connection"),
                "[DEFAULT] database_connection overrides [database] connection (set_override)");
        r = map("[DEFAULT]\nsql_connection = mysql://h0/db\n[sql]\nconnection = sqlite://\n");
        assertEquals("mysql://h0/db", value(r, "ceilometer.database", "connection"));
        r = map("[DATABASE]\nsql_connection = mysql://h0/db\n");
        assertEquals("mysql://h0/db", value(r, "ceilometer.database", "connection"), "oslo.db's [DATABASE] name");
        r = map("[database]\ntime_to_live = 10\nmetering_time_to_live = 20\n");
        assertEquals("20", value(r, "ceilometer.database", "time_to_live"));
    }

    @Test
    void theSigningSecretUnderEveryNameItHadWithKilosPrecedence() throws Exception {
        assertEquals("t", value(map("[publisher]\ntelemetry_secret = t\nmetering_secret = m\n[DEFAULT]\n"
                + "metering_secret = d\n"), "ceilometer.publisher", "telemetry_secret"));
        assertEquals("d", value(map("[publisher]\nmetering_secret = m\n[DEFAULT]\nmetering_secret = d\n"),
                "ceilometer.publisher", "telemetry_secret"));
        assertEquals("m", value(map("[publisher]\nmetering_secret = m\n"), "ceilometer.publisher",
                "telemetry_secret"), "Juno");
        assertEquals("h", value(map("[publisher_rpc]\nmetering_secret = h\nmetering_topic = metering\n"),
                "ceilometer.publisher", "telemetry_secret"), "Havana");
        assertEquals("", value(map("[publisher]\ntelemetry_secret =\n"), "ceilometer.publisher", "telemetry_secret"),
                "an empty secret (no signing) is kept as empty");
    }

    @Test
    void pollingOptionsAndTheirOldPlaces() throws Exception {
        MappingResult r = map("[central]\npartitioning_group_prefix = old\n[polling]\npartitioning_group_prefix = new\n"
                + "cfg_file = my-polling.yaml\nbatch_size = 100\npollsters_definitions_dirs = /a\n"
                + "pollsters_definitions_dirs = /b\ntenant_name_discovery = yes\n"
                + "[DEFAULT]\nshuffle_time_before_polling_task = 10\nbatch_polled_samples = off\ncfg_file = dead.yaml\n");
        assertEquals("new", value(r, "ceilometer.polling", "partitioning_group_prefix"));
        assertEquals("my-polling.yaml", value(r, "ceilometer.polling", "cfg_file"));
        assertEquals("100", value(r, "ceilometer.polling", "batch_size"));
        assertArrayEquals(new String[] {"/a", "/b"}, (String[]) value(r, "ceilometer.polling",
                "pollsters_definitions_dirs"));
        assertEquals("true", value(r, "ceilometer.polling", "identity_name_discovery"));
        assertEquals("10", value(r, "ceilometer.polling", "shuffle_time_before_polling_task"));
        assertEquals("false", value(r, "ceilometer.polling", "batch_polled_samples"));
        assertTrue(r.ignored().stream().anyMatch(l -> l.section().equals("DEFAULT") && l.key().equals("cfg_file")),
                "master registers [DEFAULT] cfg_file too, but reads only [polling] cfg_file");
    }

    @Test
    void keystoneauthNamesAndLegacyAuthTypes() throws Exception {
        MappingResult r = map("[service_credentials]\nauth_type = password-ceilometer-legacy\nuser_name = u\n"
                + "tenant_name = t\ntenant_id = tid\nregion_name = R\nos_region_name = old\ninterface = internal\n"
                + "application_credential_secret = s\napplication_credential_id = a\ntimeout = 12.5\n"
                + "[DEFAULT]\nos_password = p\nhttp_timeout = 600\nmax_parallel_requests = 8\n");
        String sc = "ceilometer.service_credentials";
        assertEquals("password", value(r, sc, "auth_type"));
        assertEquals("u", value(r, sc, "username"));
        assertEquals("t", value(r, sc, "project_name"));
        assertEquals("tid", value(r, sc, "project_id"));
        assertEquals("R", value(r, sc, "region_name"));
        assertEquals("internal", value(r, sc, "interface"));
        assertEquals("p", value(r, sc, "password"), "Juno: [DEFAULT] os_password (deprecated_group)");
        assertEquals("12.5", value(r, sc, "timeout"), "[service_credentials] timeout wins over http_timeout");
        assertEquals("8", value(r, sc, "max_parallel_requests"));
        assertEquals("s", value(r, sc, "application_credential_secret"));
        assertTrue(r.renamed().stream().anyMatch(s -> s.contains("auth_type 'password-ceilometer-legacy' is read as "
                + "'password'")), r.renamed().toString());
    }

    @Test
    void authSectionReadsTheAuthOptionsFromAnotherSection() throws Exception {
        MappingResult r = map("[service_credentials]\nauth_section = keystone_authtoken\nusername = ignored\n"
                + "region_name = RegionTwo\ninterface = internal\n"
                + "[keystone_authtoken]\nwww_authenticate_uri = http://k:5000\nauth_type = password\n"
                + "auth_url = http://k:5000/v3\nusername = ceilometer\npassword = pw\nproject_name = service\n"
                + "user_domain_name = Default\nproject_domain_name = Default\nmemcached_servers = m:11211\n");
        String sc = "ceilometer.service_credentials";
        assertEquals("ceilometer", value(r, sc, "username"));
        assertEquals("pw", value(r, sc, "password"));
        assertEquals("http://k:5000/v3", value(r, sc, "auth_url"));
        assertEquals("Default", value(r, sc, "user_domain_name"));
        assertEquals("RegionTwo", value(r, sc, "region_name"), "session and endpoint options stay");
        assertEquals("keystone_authtoken", value(r, sc, "auth_section"));
        Setting u = r.pids().get(sc).get("username");
        assertEquals("keystone_authtoken", u.origin().section());
        assertEquals("auth_section [keystone_authtoken]", u.origin().via());
        assertTrue(r.problems().stream().anyMatch(p -> p.startsWith("[service_credentials] username (line 3) is not "
                + "read: auth_section")), r.problems().toString());
        Set<String> ignored = r.ignored().stream().map(l -> l.section() + "/" + l.key()).collect(Collectors.toSet());
        assertEquals(Set.of("keystone_authtoken/www_authenticate_uri", "keystone_authtoken/memcached_servers"),
                ignored);
        assertTrue(r.unknown().isEmpty());

        r = map("[service_credentials]\nauth_section = nowhere\nusername = here\n");
        assertEquals("here", value(r, sc, "username"));
        assertTrue(r.problems().get(0).contains("names section [nowhere], which is not in the file"));
    }

    @Test
    void valuesOfTheWrongTypeAreReportedWithoutTheValueAndLeftOut() throws Exception {
        MappingResult r = map("[service_credentials]\ninsecure = hunter2\n[database]\ntime_to_live = forever\n"
                + "[coordination]\nheartbeat = fast\n[polling]\nbatch_size =\n");
        assertNull(value(r, "ceilometer.service_credentials", "insecure"));
        assertNull(value(r, "ceilometer.database", "time_to_live"));
        assertNull(value(r, "ceilometer.coordination", "heartbeat"));
        assertNull(value(r, "ceilometer.polling", "batch_size"), "an empty number is oslo.config's None");
        assertEquals(List.of("[service_credentials] insecure (line 2) is not a boolean (true/false, yes/no, on/off, "
                + "1/0); not used", "[database] time_to_live (line 4) is not a whole number; not used",
                "[coordination] heartbeat (line 6) is not a number; not used"), r.problems());
        assertFalse(String.join(" ", r.problems()).contains("hunter2"));
    }

    @Test
    void repeatedKeysTheLastOneWinsAsInOsloConfig() throws Exception {
        MappingResult r = map("[database]\nconnection = a://1\nconnection = b://2\n[DEFAULT]\nmystery = 1\n"
                + "mystery = 2\n");
        assertEquals("b://2", value(r, "ceilometer.database", "connection"));
        assertEquals("2", value(r, "ceilometer.default", "mystery"));
        assertEquals(3, r.pids().get("ceilometer.database").get("connection").origin().line());
        assertEquals(2, r.problems().size(), r.problems().toString());
    }

    @Test
    void substitutionAsOsloConfigDoesIt() throws Exception {
        MappingResult r = map("[DEFAULT]\nstate_path = /var/lib/ceilometer\n[database]\nsqlite_db = c.sqlite\n"
                + "connection = sqlite:///$state_path/$sqlite_db\n[coordination]\nbackend_url = redis://$host:6379\n");
        assertEquals("sqlite:////var/lib/ceilometer/c.sqlite", value(r, "ceilometer.database", "connection"));
        assertEquals("redis://node-7:6379", value(r, "ceilometer.coordination", "backend_url"));
    }

    @Test
    void filesNamedAsTheyWereDeployedAreFoundNextToCeilometerConf() throws Exception {
        Files.writeString(dir.resolve("pipeline.yaml"), "sources: []\n");
        MappingResult r = map("[DEFAULT]\npipeline_cfg_file = /etc/ceilometer-that-is-not-here/pipeline.yaml\n"
                + "[polling]\ncfg_file = /etc/ceilometer-that-is-not-here/polling.yaml\n");
        assertEquals(dir.resolve("pipeline.yaml").toString(), value(r, "ceilometer.polling", "pipeline_cfg_file"));
        assertEquals("/etc/ceilometer-that-is-not-here/polling.yaml", value(r, "ceilometer.polling", "cfg_file"),
                "not found anywhere: as written, for the agent to report");

        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("polling.yaml"), "sources: []\n");
        MappingResult r2 = new ConfMapper(OptionCatalog.standard(), Map.of(), elsewhere, dir, n -> null)
                .map(IniParser.parse("[polling]\ncfg_file = polling.yaml\npipeline_cfg_file = pipeline.yaml\n"));
        assertEquals(elsewhere.resolve("polling.yaml").toString(), value(r2, "ceilometer.polling", "cfg_file"));
        assertEquals("pipeline.yaml", value(r2, "ceilometer.polling", "pipeline_cfg_file"));
    }

    @Test
    void optionsComponentsDeclareAreKnownAndUnknownSectionsGetTheirOwnPid() throws Exception {
        MappingResult r = map("[polling]\nmy_plugin_knob = 3\n[my_plugin]\nspeed = 9\n",
                Map.of("ceilometer.polling", Set.of("my_plugin_knob")));
        assertEquals("3", value(r, "ceilometer.polling", "my_plugin_knob"));
        assertEquals("9", value(r, "ceilometer.my_plugin", "speed"));
        assertEquals(List.of("[my_plugin] speed (line 4)"),
                r.unknown().stream().map(Object::toString).collect(Collectors.toList()));
    }

    @Test
    void anEmptyFileMapsToNothing() throws Exception {
        MappingResult r = map("# nothing\n[DEFAULT]\n[database]\n");
        assertTrue(r.pids().isEmpty());
        assertTrue(r.unknown().isEmpty());
    }
}
