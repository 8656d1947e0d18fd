package org.ceilometer.osgi.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ceilometer.osgi.conf.OptionCatalog.Source;
import org.ceilometer.osgi.conf.OptionCatalog.Target;
import org.junit.jupiter.api.Test;

class OptionCatalogTest {
    private final OptionCatalog c = OptionCatalog.standard();

    @Test
    void theAliasesOfTheBrief() {
        assertTarget("service_credentials", "os_username", "ceilometer.service_credentials", "username");
        assertTarget("service_credentials", "os_password", "ceilometer.service_credentials", "password");
        assertTarget("service_credentials", "os_tenant_name", "ceilometer.service_credentials", "project_name");
        assertTarget("service_credentials", "os_auth_url", "ceilometer.service_credentials", "auth_url");
        assertTarget("service_credentials", "os_region_name", "ceilometer.service_credentials", "region_name");
        assertTarget("service_credentials", "os_endpoint_type", "ceilometer.service_credentials", "interface");
        assertTarget("service_credentials", "os_cacert", "ceilometer.service_credentials", "cafile");
        assertTarget("DEFAULT", "database_connection", "ceilometer.database", "connection");
        assertTarget("database", "metering_connection", "ceilometer.database", "connection");
        assertTarget("central", "partitioning_group_prefix", "ceilometer.polling", "partitioning_group_prefix");
        assertTarget("publisher", "metering_secret", "ceilometer.publisher", "telemetry_secret");
        assertTarget("publisher_rpc", "metering_secret", "ceilometer.publisher", "telemetry_secret");
        assertTarget("DEFAULT", "pipeline_cfg_file", "ceilometer.polling", "pipeline_cfg_file");
        assertTarget("polling", "cfg_file", "ceilometer.polling", "cfg_file");
        assertTarget("service_credentials", "auth_type", "ceilometer.service_credentials", "auth_type");
        assertTarget("service_credentials", "auth_section", "ceilometer.service_credentials", "auth_section");
        assertTarget("DEFAULT", "reseller_prefix", "ceilometer.pollster.objectstore", "reseller_prefix");
        assertTarget("DEFAULT", "glance_page_size", "ceilometer.pollster.image", "glance_page_size");
        assertTarget("service_types", "cinder", "ceilometer.pollster.volume", "service_type");
        assertTarget("service_types", "manila", "ceilometer.pollster.share", "service_type");
    }

    @Test
    void theOwnNameOfEveryOptionOfASectionsPidIsOneOfItsSources() {
        for (Target t : c.targets()) {
            if (t.sources().stream().noneMatch(s -> OptionCatalog.pidOf(s.section()).equals(t.pid()))) {
                continue; // an option routed to a pollster bundle's PID, under that bundle's name
            }
            assertTrue(t.sources().stream().anyMatch(s -> s.name().equals(t.option())),
                    t.pid() + " " + t.option() + " is fed only by other names: " + t.sources());
        }
    }

    @Test
    void ignoredAndUsedNeverMeet() {
        for (Target t : c.targets()) {
            for (Source s : t.sources()) {
                assertFalse(c.ignored(s.section(), s.name()), s.toString());
            }
        }
        assertTrue(c.ignoredSection("keystone_authtoken"));
        assertTrue(c.ignored("DEFAULT", "transport_url"));
        assertFalse(c.ignoredSection("database"));
        assertTrue(c.ignored("database", "alarm_connection"));
    }

    @Test
    void malformedCataloguesAreRefused() {
        assertThrows(IllegalStateException.class, () -> OptionCatalog.parse("x str\n"));
        assertThrows(IllegalStateException.class, () -> OptionCatalog.parse("[a] ceilometer.a\nx\n"));
        assertThrows(IllegalStateException.class,
                () -> OptionCatalog.parse("[a] ceilometer.a\nx str\ny str <- x\n"), "one source, two options");
        assertThrows(IllegalStateException.class, () -> OptionCatalog.parse("[a] ceilometer.a\nx str\nignore a: x\n"));
        assertThrows(IllegalArgumentException.class, () -> OptionCatalog.parse("[a] ceilometer.a\nx strange\n"));
        OptionCatalog ok = OptionCatalog.parse("[a] ceilometer.a\nx int <- b/old, x  # comment\nignore c: *\n");
        assertEquals(List.of(new Source("b", "old"), new Source("a", "x")), ok.target("a", "x").sources());
        assertTrue(ok.ignored("c", "anything"));
        assertThrows(IllegalStateException.class, () -> OptionCatalog.parse("[a] ceilometer.a\nx str <- b/old, x\nignore b: *\n"));
    }

    @Test
    void unknownSectionsGetAPidOfTheirName() {
        assertEquals("ceilometer.default", OptionCatalog.pidOf("DEFAULT"));
        assertEquals("ceilometer.my_plugin", OptionCatalog.pidOf("my_plugin"));
    }

    private void assertTarget(String section, String name, String pid, String option) {
        Target t = c.target(section, name);
        assertNotNull(t, "[" + section + "] " + name);
        assertEquals(pid, t.pid());
        assertEquals(option, t.option());
    }
}
