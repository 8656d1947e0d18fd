package org.ceilometer.osgi.openstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.openstack.OpenStackException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsResolverTest {
    @TempDir
    Path dir;

    private Settings resolve(Map<String, ?> config, Map<String, String> env, Path... files) throws OpenStackException {
        return new SettingsResolver(env, List.of(files)).resolve(config);
    }

    @Test
    void defaults() throws Exception {
        Settings s = resolve(Map.of("auth_url", "http://k/v3", "username", "u", "password", "p"), Map.of());
        assertEquals("public", s.interfaceName);
        assertEquals(Settings.AUTH_PASSWORD, s.authType);
        assertFalse(s.insecure);
        assertNull(s.cafile);
        assertNull(s.regionName);
        assertEquals(Duration.ofSeconds(10), s.connectTimeout);
        assertEquals(Duration.ofSeconds(60), s.readTimeout);
        assertEquals(64, s.maxParallelRequests);
        assertTrue(s.isComplete());
    }

    @Test
    void configOptionsAreRead() throws Exception {
        Map<String, Object> c = new HashMap<>();
        c.put("auth_url", "http://k:5000");
        c.put("username", "ceilometer");
        c.put("password", "pw-123");
        c.put("project_name", "service");
        c.put("user_domain_id", "default");
        c.put("project_domain_name", "Default");
        c.put("region_name", "RegionOne");
        c.put("interface", "internalURL");
        c.put("cafile", "/etc/ssl/ca.pem");
        c.put("insecure", "false");
        c.put("timeout", "2.5");
        c.put("max_parallel_requests", 16);
        c.put("component.name", "ignored");
        Settings s = resolve(c, Map.of("OS_USERNAME", "other", "OS_REGION_NAME", "RegionTwo"));
        assertEquals("ceilometer", s.username, "config beats the environment");
        assertEquals("RegionOne", s.regionName);
        assertEquals("internal", s.interfaceName);
        assertEquals("default", s.userDomainId);
        assertEquals("Default", s.projectDomainName);
        assertEquals("/etc/ssl/ca.pem", s.cafile);
        assertEquals(Duration.ofMillis(2500), s.connectTimeout);
        assertEquals(Duration.ofMillis(2500), s.readTimeout);
        assertEquals(16, s.maxParallelRequests);
        assertEquals("config", s.origin);
    }

    @Test
    void missingOptionsComeFromTheEnvironment() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("OS_AUTH_URL", "http://env-keystone/identity");
        env.put("OS_USERNAME", "admin");
        env.put("OS_PASSWORD", "env-pass");
        env.put("OS_PROJECT_NAME", "admin");
        env.put("OS_PROJECT_ID", "pid");
        env.put("OS_USER_DOMAIN_NAME", "Default");
        env.put("OS_PROJECT_DOMAIN_NAME", "Default");
        env.put("OS_USER_DOMAIN_ID", "udid");
        env.put("OS_PROJECT_DOMAIN_ID", "pdid");
        env.put("OS_REGION_NAME", "RegionTwo");
        env.put("OS_INTERFACE", "adminURL");
        env.put("OS_CACERT", "/tmp/ca.pem");
        env.put("OS_INSECURE", "true");
        Settings s = resolve(Map.of("auth_url", "http://config-keystone/v3", "password", ""), env);
        assertEquals("http://config-keystone/v3", s.authUrl);
        assertEquals("admin", s.username);
        assertEquals("env-pass", s.password, "an empty option counts as unset");
        assertEquals("admin", s.projectName);
        assertEquals("pid", s.projectId);
        assertEquals("Default", s.userDomainName);
        assertEquals("udid", s.userDomainId);
        assertEquals("Default", s.projectDomainName);
        assertEquals("pdid", s.projectDomainId);
        assertEquals("RegionTwo", s.regionName);
        assertEquals("admin", s.interfaceName);
        assertEquals("/tmp/ca.pem", s.cafile);
        assertTrue(s.insecure);
        assertEquals("config, env", s.origin);
    }

    @Test
    void applicationCredentialsFromTheEnvironment() throws Exception {
        Settings s = resolve(Map.of(), Map.of("OS_AUTH_URL", "http://k", "OS_AUTH_TYPE", "v3applicationcredential",
                "OS_APPLICATION_CREDENTIAL_ID", "ac", "OS_APPLICATION_CREDENTIAL_SECRET", "sec-ret"));
        assertTrue(s.isApplicationCredential());
        assertEquals("ac", s.applicationCredentialId);
        assertEquals("sec-ret", s.applicationCredentialSecret);
        assertTrue(s.isComplete(), s.missing()::toString);
        assertFalse(s.describe().contains("sec-ret"), s.describe());
    }

    @Test
    void missingOptionsComeFromCloudsYamlAndSecureYaml() throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("clouds.yaml"), String.join("\n",
                "clouds:",
                "  other:",
                "    auth: {auth_url: 'http://wrong'}",
                "  mycloud:",
                "    auth:",
                "      auth_url: https://keystone.example:5000/v3",
                "      username: yaml-user",
                "      project_name: yaml-project",
                "      user_domain_name: Default",
                "      project_domain_id: default",
                "    region_name: RegionThree",
                "    interface: internal",
                "    cacert: /etc/ca-bundle.pem",
                "    verify: false",
                "    api_timeout: 30",
                ""));
        Files.writeString(etc.resolve("secure.yaml"), "clouds:\n  mycloud:\n    auth:\n      password: yaml-secret\n");
        Map<String, String> env = Map.of("OS_CLOUD", "mycloud", "OS_REGION_NAME", "EnvRegion");
        Settings s = resolve(Map.of("username", "config-user"), env, dir.resolve("missing/clouds.yaml"),
                etc.resolve("clouds.yaml"));
        assertEquals("https://keystone.example:5000/v3", s.authUrl);
        assertEquals("config-user", s.username);
        assertEquals("yaml-secret", s.password, "secure.yaml is merged in");
        assertEquals("yaml-project", s.projectName);
        assertEquals("Default", s.userDomainName);
        assertEquals("default", s.projectDomainId);
        assertEquals("EnvRegion", s.regionName, "the environment beats clouds.yaml");
        assertEquals("internal", s.interfaceName);
        assertEquals("/etc/ca-bundle.pem", s.cafile);
        assertTrue(s.insecure, "verify: false");
        assertEquals(Duration.ofSeconds(30), s.readTimeout);
        assertTrue(s.origin.contains(etc.resolve("clouds.yaml").toString()), s.origin);
        assertFalse(s.describe().contains("yaml-secret"), s.describe());
    }

    @Test
    void theFirstCloudsFileFoundIsUsedAndRegionsListGivesTheRegion() throws Exception {
        Path first = Files.createDirectories(dir.resolve("first")).resolve("clouds.yml");
        Path second = Files.createDirectories(dir.resolve("second")).resolve("clouds.yaml");
        Files.writeString(first, "clouds:\n  c:\n    auth: {auth_url: 'http://first'}\n    regions: [R1, R2]\n");
        Files.writeString(second, "clouds:\n  c:\n    auth: {auth_url: 'http://second'}\n");
        Settings s = resolve(Map.of(), Map.of("OS_CLOUD", "c"), first, second);
        assertEquals("http://first", s.authUrl);
        assertEquals("R1", s.regionName);
    }

    @Test
    void anUnknownCloudNamesTheFileAndTheKey() throws Exception {
        Path clouds = dir.resolve("clouds.yaml");
        Files.writeString(clouds, "clouds:\n  alpha:\n    auth: {}\n  beta:\n    auth: {}\n");
        OpenStackException e = assertThrows(OpenStackException.class,
                () -> resolve(Map.of(), Map.of("OS_CLOUD", "gamma"), clouds));
        assertTrue(e.getMessage().contains(clouds.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("clouds.gamma"), e.getMessage());
        assertTrue(e.getMessage().contains("[alpha, beta]"), e.getMessage());
    }

    @Test
    void badYamlNamesTheFileAndLineButNotItsText() throws Exception {
        Path clouds = dir.resolve("clouds.yaml");
        Files.writeString(clouds, "clouds:\n  c:\n    auth:\n      password: top-secret-pw\n     bad: [unclosed\n");
        OpenStackException e = assertThrows(OpenStackException.class,
                () -> resolve(Map.of(), Map.of("OS_CLOUD", "c"), clouds));
        assertTrue(e.getMessage().startsWith(clouds + ": not valid YAML at line"), e.getMessage());
        assertFalse(e.getMessage().contains("top-secret-pw"), e.getMessage());
    }

    @Test
    void aWrongShapeNamesTheKey() throws Exception {
        Path clouds = dir.resolve("clouds.yaml");
        Files.writeString(clouds, "clouds:\n  c:\n    auth: just-a-string\n");
        OpenStackException e = assertThrows(OpenStackException.class,
                () -> resolve(Map.of(), Map.of("OS_CLOUD", "c"), clouds));
        assertEquals(clouds + ": 'clouds.c.auth' is not a mapping", e.getMessage());

        Files.writeString(clouds, "clouds:\n  c:\n    verify: maybe\n");
        e = assertThrows(OpenStackException.class, () -> resolve(Map.of(), Map.of("OS_CLOUD", "c"), clouds));
        assertTrue(e.getMessage().startsWith(clouds + ": 'clouds.c.verify' must be true or false"), e.getMessage());
    }

    @Test
    void osCloudWithoutAnyCloudsFileIsAnError() {
        Path nowhere = dir.resolve("clouds.yaml");
        OpenStackException e = assertThrows(OpenStackException.class,
                () -> resolve(Map.of(), Map.of("OS_CLOUD", "c"), nowhere));
        assertTrue(e.getMessage().contains("OS_CLOUD") && e.getMessage().contains(nowhere.toString()), e.getMessage());
    }

    @Test
    void cloudsYamlIsNotReadWithoutOsCloud() throws Exception {
        Path clouds = dir.resolve("clouds.yaml");
        Files.writeString(clouds, "not: [valid");
        Settings s = resolve(Map.of("auth_url", "http://k"), Map.of(), clouds);
        assertEquals("http://k", s.authUrl);
    }

    @Test
    void wrongValuesNameTheirOption() {
        OpenStackException t = assertThrows(OpenStackException.class, () -> resolve(Map.of("timeout", "soon"), Map.of()));
        assertEquals("ceilometer.service_credentials: 'timeout' must be a positive number of seconds, not 'soon'",
                t.getMessage());
        OpenStackException i = assertThrows(OpenStackException.class, () -> resolve(Map.of(), Map.of("OS_INSECURE", "sure")));
        assertTrue(i.getMessage().startsWith("environment variable OS_INSECURE must be true or false"), i.getMessage());
        OpenStackException a = assertThrows(OpenStackException.class, () -> resolve(Map.of("auth_type", "token"), Map.of()));
        assertTrue(a.getMessage().startsWith("ceilometer.service_credentials: 'auth_type' is 'token', which is not "
                + "supported"), a.getMessage());
        OpenStackException m = assertThrows(OpenStackException.class,
                () -> resolve(Map.of("max_parallel_requests", "0"), Map.of()));
        assertTrue(m.getMessage().contains("'max_parallel_requests'"), m.getMessage());
    }

    @Test
    void missingCredentialsAreListed() throws Exception {
        Settings s = resolve(Map.of(), Map.of());
        assertEquals(List.of("auth_url", "username or user_id", "password"), s.missing());
        Settings ac = resolve(Map.of("auth_type", "v3applicationcredential", "auth_url", "http://k",
                "application_credential_name", "n"), Map.of());
        assertEquals(List.of("application_credential_secret", "username or user_id (with application_credential_name)"),
                ac.missing());
    }

    @Test
    void defaultSearchOrderFollowsOpenstacksdk() {
        List<Path> files = SettingsResolver.defaultCloudsFiles(Map.of("OS_CLIENT_CONFIG_FILE", "/x/my.yaml"));
        assertEquals(Path.of("/x/my.yaml"), files.get(0));
        assertEquals(Path.of("").toAbsolutePath().resolve("clouds.yaml"), files.get(1));
        assertTrue(files.get(3).toString().endsWith(".config/openstack/clouds.yaml"), files.toString());
        assertEquals(Path.of("/etc/openstack/clouds.yaml"), files.get(5));
    }
}
