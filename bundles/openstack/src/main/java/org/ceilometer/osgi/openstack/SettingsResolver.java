package org.ceilometer.osgi.openstack;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ceilometer.osgi.api.Namespaces;
import org.ceilometer.osgi.api.openstack.OpenStackException;

/**
 * Resolves {@link Settings} the way OpenStack clients do: each option from the configuration
 * ({@code ceilometer.service_credentials}), else from its {@code OS_*} environment variable, else from
 * the cloud named by {@code OS_CLOUD} in {@code clouds.yaml} (merged with {@code secure.yaml}).
 *
 * <p>The environment and the candidate files are given, so that tests never see the real machine.
 */
final class SettingsResolver {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String PID = Namespaces.PID_SERVICE_CREDENTIALS;

    private final Map<String, String> env;
    private final List<Path> cloudsFiles;

    /**
     * @param env the environment variables to read {@code OS_*} from
     * @param cloudsFiles the {@code clouds.yaml} candidates, in search order; the first that exists is
     *     read, and {@code secure.yaml} is looked for beside each of them in the same order
     */
    SettingsResolver(Map<String, String> env, List<Path> cloudsFiles) {
        this.env = Map.copyOf(env);
        this.cloudsFiles = List.copyOf(cloudsFiles);
    }

    /** The search order of openstacksdk: {@code OS_CLIENT_CONFIG_FILE}, the working directory, the user's, the site's. */
    static List<Path> defaultCloudsFiles(Map<String, String> env) {
        List<Path> files = new ArrayList<>();
        String explicit = env.get("OS_CLIENT_CONFIG_FILE");
        if (explicit != null && !explicit.isBlank()) {
            files.add(Paths.get(explicit));
        }
        List<Path> dirs = new ArrayList<>();
        dirs.add(Paths.get("").toAbsolutePath());
        String xdg = env.get("XDG_CONFIG_HOME");
        String home = System.getProperty("user.home");
        if (xdg != null && !xdg.isBlank()) {
            dirs.add(Paths.get(xdg, "openstack"));
        } else if (home != null) {
            dirs.add(Paths.get(home, ".config", "openstack"));
        }
        dirs.add(Paths.get("/etc/openstack"));
        for (Path d : dirs) {
            files.add(d.resolve("clouds.yaml"));
            files.add(d.resolve("clouds.yml"));
        }
        return files;
    }

    /**
     * @throws OpenStackException naming the option, variable or file and key that is wrong
     */
    Settings resolve(Map<String, ?> config) throws OpenStackException {
        Layers l = new Layers(config, env, loadCloud());
        Settings.Builder b = Settings.builder();
        b.authUrl(l.text("auth_url", "OS_AUTH_URL", "auth.auth_url"));
        b.username(l.text("username", "OS_USERNAME", "auth.username"));
        b.userId(l.text("user_id", "OS_USER_ID", "auth.user_id"));
        b.password(l.text("password", "OS_PASSWORD", "auth.password"));
        b.userDomainName(l.text("user_domain_name", "OS_USER_DOMAIN_NAME", "auth.user_domain_name"));
        b.userDomainId(l.text("user_domain_id", "OS_USER_DOMAIN_ID", "auth.user_domain_id"));
        b.projectName(l.text("project_name", "OS_PROJECT_NAME", "auth.project_name", "OS_TENANT_NAME",
                "auth.tenant_name"));
        b.projectId(l.text("project_id", "OS_PROJECT_ID", "auth.project_id", "OS_TENANT_ID", "auth.tenant_id"));
        b.projectDomainName(l.text("project_domain_name", "OS_PROJECT_DOMAIN_NAME", "auth.project_domain_name"));
        b.projectDomainId(l.text("project_domain_id", "OS_PROJECT_DOMAIN_ID", "auth.project_domain_id"));
        b.defaultDomainName = l.text("default_domain_name", "OS_DEFAULT_DOMAIN_NAME", "auth.default_domain_name");
        b.defaultDomainId = l.text("default_domain_id", "OS_DEFAULT_DOMAIN_ID", "auth.default_domain_id",
                "OS_DEFAULT_DOMAIN", "auth.default_domain");
        b.applicationCredential(
                l.text("application_credential_id", "OS_APPLICATION_CREDENTIAL_ID", "auth.application_credential_id"),
                l.text("application_credential_name", "OS_APPLICATION_CREDENTIAL_NAME",
                        "auth.application_credential_name"),
                l.text("application_credential_secret", "OS_APPLICATION_CREDENTIAL_SECRET",
                        "auth.application_credential_secret"));
        String region = l.text("region_name", "OS_REGION_NAME", "region_name");
        b.regionName(region != null ? region : l.firstRegion());
        b.interfaceName(l.text("interface", "OS_INTERFACE", "interface", "OS_ENDPOINT_TYPE", "endpoint_type"));
        b.cafile(l.text("cafile", "OS_CACERT", "cacert"));
        b.insecure(l.insecure());
        b.authType(authType(l.text("auth_type", "OS_AUTH_TYPE", "auth_type"), l.lastSource));
        Duration timeout = l.seconds("timeout", "OS_TIMEOUT", "api_timeout");
        if (timeout != null) {
            b.timeout(timeout);
        }
        Integer max = l.integer("max_parallel_requests");
        if (max != null) {
            b.maxParallelRequests(max);
        }
        b.origin(String.join(", ", l.used));
        return b.build();
    }

    private static String authType(String v, String source) throws OpenStackException {
        if (v == null) {
            return null;
        }
        switch (v.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "")) {
            case "password":
            case "v3password":
                return Settings.AUTH_PASSWORD;
            case "v3applicationcredential":
            case "applicationcredential":
                return Settings.AUTH_APPLICATION_CREDENTIAL;
            default:
                throw new OpenStackException(source + " is '" + v
                        + "', which is not supported (use password or v3applicationcredential)", -1);
        }
    }

    /** The cloud of {@code OS_CLOUD}, secure.yaml merged in; null when OS_CLOUD is unset. */
    private Cloud loadCloud() throws OpenStackException {
        String name = blankToNull(env.get("OS_CLOUD"));
        if (name == null) {
            return null;
        }
        Path clouds = firstExisting(cloudsFiles);
        if (clouds == null) {
            throw new OpenStackException("OS_CLOUD is '" + name + "' but no clouds.yaml exists (looked for "
                    + cloudsFiles + ")", -1);
        }
        JsonNode root = readYaml(clouds);
        JsonNode all = root.get("clouds");
        if (all == null || !all.isObject()) {
            throw new OpenStackException(clouds + ": no 'clouds' mapping", -1);
        }
        JsonNode cloud = all.get(name);
        if (cloud == null) {
            List<String> names = new ArrayList<>();
            all.fieldNames().forEachRemaining(names::add);
            throw new OpenStackException(clouds + ": no cloud 'clouds." + name + "' (from OS_CLOUD); clouds there: "
                    + names, -1);
        }
        if (!cloud.isObject()) {
            throw new OpenStackException(clouds + ": 'clouds." + name + "' is not a mapping", -1);
        }
        ObjectNode merged = ((ObjectNode) cloud).deepCopy();
        String origin = "clouds.yaml " + clouds + " (cloud " + name + ")";
        Path secure = firstExisting(secureFiles());
        if (secure != null) {
            JsonNode sroot = readYaml(secure);
            JsonNode scloud = sroot.path("clouds").path(name);
            if (!scloud.isMissingNode() && !scloud.isObject()) {
                throw new OpenStackException(secure + ": 'clouds." + name + "' is not a mapping", -1);
            }
            if (scloud.isObject()) {
                deepMerge(merged, (ObjectNode) scloud);
                origin += " + " + secure;
            }
        }
        JsonNode auth = merged.get("auth");
        if (auth != null && !auth.isObject()) {
            throw new OpenStackException(clouds + ": 'clouds." + name + ".auth' is not a mapping", -1);
        }
        return new Cloud(merged, clouds, name, origin);
    }

    private List<Path> secureFiles() {
        Set<Path> out = new LinkedHashSet<>();
        for (Path p : cloudsFiles) {
            String file = p.getFileName().toString();
            int dot = file.lastIndexOf('.');
            String ext = dot < 0 ? ".yaml" : file.substring(dot);
            Path dir = p.toAbsolutePath().getParent();
            out.add(dir == null ? Paths.get("secure" + ext) : dir.resolve("secure" + ext));
        }
        return new ArrayList<>(out);
    }

    private static Path firstExisting(List<Path> files) {
        for (Path p : files) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** Reads YAML; an error names the file and the position, never the text (it may hold a password). */
    private static JsonNode readYaml(Path file) throws OpenStackException {
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode n = YAML.readTree(in);
            if (n == null || n.isMissingNode() || n.isNull()) {
                throw new OpenStackException(file + ": the file is empty", -1);
            }
            if (!n.isObject()) {
                throw new OpenStackException(file + ": the top level is not a mapping", -1);
            }
            return n;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new OpenStackException(file + ": not valid YAML"
                    + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr()), -1);
        } catch (IOException e) {
            if (e instanceof OpenStackException) {
                throw (OpenStackException) e;
            }
            throw new OpenStackException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static void deepMerge(ObjectNode into, ObjectNode from) {
        for (Map.Entry<String, JsonNode> e : from.properties()) {
            JsonNode existing = into.get(e.getKey());
            if (existing instanceof ObjectNode && e.getValue() instanceof ObjectNode) {
                deepMerge((ObjectNode) existing, (ObjectNode) e.getValue());
            } else {
                into.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static final class Cloud {
        final ObjectNode node;
        final Path file;
        final String name;
        final String origin;

        Cloud(ObjectNode node, Path file, String name, String origin) {
            this.node = node;
            this.file = file;
            this.name = name;
            this.origin = origin;
        }

        /** The value at a dotted path ({@code auth.username}), or null. */
        JsonNode get(String dotted) {
            JsonNode n = node;
            for (String part : dotted.split("\\.")) {
                n = n.get(part);
                if (n == null) {
                    return null;
                }
            }
            return n.isNull() ? null : n;
        }

        String where(String dotted) {
            return file + ": 'clouds." + name + "." + dotted + "'";
        }
    }

    /** The three layers, asked in order; records which were used. */
    private static final class Layers {
        final Map<String, ?> config;
        final Map<String, String> env;
        final Cloud cloud;
        final Set<String> used = new LinkedHashSet<>();
        String lastSource;

        Layers(Map<String, ?> config, Map<String, String> env, Cloud cloud) {
            this.config = config == null ? Map.of() : config;
            this.env = env;
            this.cloud = cloud;
        }

        /**
         * @param names the option, its environment variable and its clouds.yaml key, then optionally
         *     further (variable, key) pairs of older names
         */
        String text(String option, String... names) throws OpenStackException {
            Object c = config.get(option);
            String v = c == null ? null : blankToNull(configText(c));
            if (v != null) {
                used.add("config");
                lastSource = PID + ": '" + option + "'";
                return v;
            }
            for (int i = 0; i < names.length; i += 2) {
                v = blankToNull(env.get(names[i]));
                if (v != null) {
                    used.add("env");
                    lastSource = "environment variable " + names[i];
                    return v;
                }
            }
            if (cloud != null) {
                for (int i = 1; i < names.length; i += 2) {
                    JsonNode n = cloud.get(names[i]);
                    if (n != null) {
                        if (!n.isValueNode()) {
                            throw new OpenStackException(cloud.where(names[i]) + " must be a plain value", -1);
                        }
                        v = blankToNull(n.asText());
                        if (v != null) {
                            used.add(cloud.origin);
                            lastSource = cloud.where(names[i]);
                            return v;
                        }
                    }
                }
            }
            lastSource = null;
            return null;
        }

        private static String configText(Object c) {
            if (c instanceof String[]) {
                String[] a = (String[]) c;
                return a.length == 0 ? null : a[0];
            }
            return String.valueOf(c);
        }

        /** {@code regions[0]} of the cloud when it has no {@code region_name}. */
        String firstRegion() {
            if (cloud == null) {
                return null;
            }
            JsonNode regions = cloud.get("regions");
            if (regions != null && regions.isArray() && regions.size() > 0) {
                JsonNode first = regions.get(0);
                String v = blankToNull(first.isObject() ? first.path("name").asText(null) : first.asText(null));
                if (v != null) {
                    used.add(cloud.origin);
                }
                return v;
            }
            return null;
        }

        boolean insecure() throws OpenStackException {
            Object c = config.get("insecure");
            if (c != null && blankToNull(String.valueOf(c)) != null) {
                used.add("config");
                return bool(String.valueOf(c), PID + ": 'insecure'");
            }
            String e = blankToNull(env.get("OS_INSECURE"));
            if (e != null) {
                used.add("env");
                return bool(e, "environment variable OS_INSECURE");
            }
            if (cloud != null) {
                JsonNode verify = cloud.get("verify");
                if (verify != null) {
                    used.add(cloud.origin);
                    return !bool(verify.asText(), cloud.where("verify"));
                }
                JsonNode insecure = cloud.get("insecure");
                if (insecure != null) {
                    used.add(cloud.origin);
                    return bool(insecure.asText(), cloud.where("insecure"));
                }
            }
            return false;
        }

        Duration seconds(String option, String envName, String cloudKey) throws OpenStackException {
            String v = text(option, envName, cloudKey);
            if (v == null) {
                return null;
            }
            try {
                double s = Double.parseDouble(v);
                if (s <= 0 || Double.isNaN(s) || Double.isInfinite(s)) {
                    throw new NumberFormatException();
                }
                return Duration.ofMillis(Math.max(1, Math.round(s * 1000)));
            } catch (NumberFormatException e) {
                throw new OpenStackException(lastSource + " must be a positive number of seconds, not '" + v + "'",
                        -1);
            }
        }

        Integer integer(String option) throws OpenStackException {
            Object c = config.get(option);
            String v = c == null ? null : blankToNull(String.valueOf(c));
            if (v == null) {
                return null;
            }
            try {
                int i = Integer.parseInt(v);
                if (i <= 0) {
                    throw new NumberFormatException();
                }
                return i;
            } catch (NumberFormatException e) {
                throw new OpenStackException(PID + ": '" + option + "' must be a positive whole number, not '" + v
                        + "'", -1);
            }
        }

        private static boolean bool(String v, String where) throws OpenStackException {
            switch (v.trim().toLowerCase(Locale.ROOT)) {
                case "true":
                case "yes":
                case "1":
                case "on":
                    return true;
                case "false":
                case "no":
                case "0":
                case "off":
                    return false;
                default:
                    throw new OpenStackException(where + " must be true or false, not '" + v + "'", -1);
            }
        }
    }
}
