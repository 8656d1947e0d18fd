package org.ceilometer.osgi.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.ceilometer.osgi.conf.MappingResult.Setting;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ceilometer.conf.sample files that Havana and Icehouse shipped: as they are (every option
 * commented out), and with every option set to the default the sample documents.
 */
class ReleaseSamplesTest {
    private static final Pattern COMMENTED_OPTION = Pattern.compile("(?m)^#([A-Za-z_][A-Za-z0-9_.-]*=)");

    @TempDir
    Path dir;

    private MappingResult map(String text) throws Exception {
        return new ConfMapper(OptionCatalog.standard(), Map.of(), dir, dir, Map.of("host", "node-7")::get)
                .map(IniParser.parse(text));
    }

    /** The sample with its '#option=default' lines switched on, those that document no default aside. */
    static String uncommented(String sample) {
        StringBuilder b = new StringBuilder();
        for (String line : sample.split("\n", -1)) {
            if (COMMENTED_OPTION.matcher(line).lookingAt() && !line.endsWith("=<None>")) {
                b.append(line.substring(1));
            } else {
                b.append(line);
            }
            b.append('\n');
        }
        return b.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"havana-eol", "icehouse-eol"})
    void asShippedEverythingIsCommentedOut(String release) throws Exception {
        MappingResult r = map(Resources.text("ceilometer.conf.sample." + release));
        assertTrue(r.pids().isEmpty(), r.pids().toString());
        assertTrue(r.unknown().isEmpty());
        assertTrue(r.problems().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"havana-eol", "icehouse-eol"})
    void everyOptionOfTheSampleIsKnown(String release) throws Exception {
        String text = uncommented(Resources.text("ceilometer.conf.sample." + release));
        MappingResult r = map(text);
        assertTrue(r.unknown().isEmpty(), "unknown: " + r.unknown());
        assertTrue(r.problems().stream().noneMatch(p -> p.contains("not a")), r.problems().toString());

        Map<String, Setting> sc = r.pids().get("ceilometer.service_credentials");
        assertEquals("ceilometer", sc.get("username").value());
        assertEquals("admin", sc.get("password").value());
        assertEquals("admin", sc.get("project_name").value());
        assertEquals("", sc.get("project_id").value());
        assertEquals("http://localhost:5000/v2.0", sc.get("auth_url").value());
        assertEquals("publicURL", sc.get("interface").value());
        assertEquals("false", sc.get("insecure").value());
        assertEquals("change this or be hacked",
                r.pids().get("ceilometer.publisher").get("telemetry_secret").value());
        assertEquals("-1", r.pids().get("ceilometer.database").get("time_to_live").value());
        assertEquals("pipeline.yaml", r.pids().get("ceilometer.polling").get("pipeline_cfg_file").value());
        assertEquals("openstack", r.pids().get("ceilometer.default").get("sample_source").value());
        assertEquals("sqlite:////ceilometer/openstack/common/db/ceilometer.sqlite",
                r.pids().get("ceilometer.database").get("connection").value(), "$sqlite_db of [DEFAULT]");
        assertEquals(java.util.Set.of("ceilometer.default", "ceilometer.service_credentials", "ceilometer.database",
                "ceilometer.polling", "ceilometer.publisher", "ceilometer.pollster.objectstore"), r.pids().keySet());
        assertEquals("AUTH_", r.pids().get("ceilometer.pollster.objectstore").get("reseller_prefix").value());
        assertTrue(r.ignored().size() > 100, "the rest belongs to other services and libraries: " + r.ignored().size());
    }
}
