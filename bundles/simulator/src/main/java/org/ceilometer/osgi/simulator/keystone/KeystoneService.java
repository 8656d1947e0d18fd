package org.ceilometer.osgi.simulator.keystone;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.ceilometer.osgi.simulator.Credentials;
import org.ceilometer.osgi.simulator.SimDomain;
import org.ceilometer.osgi.simulator.SimProject;
import org.ceilometer.osgi.simulator.SimulatorData;
import org.ceilometer.osgi.simulator.core.Json;
import org.ceilometer.osgi.simulator.core.Query;
import org.ceilometer.osgi.simulator.core.ServiceContext;
import org.ceilometer.osgi.simulator.core.ServiceHandler;
import org.ceilometer.osgi.simulator.core.SimRequest;
import org.ceilometer.osgi.simulator.core.SimResponse;
import org.ceilometer.osgi.simulator.core.TokenStore;

/**
 * Keystone v3, shaped on the Identity API reference: the version documents, password and
 * application-credential authentication with project scope (or none), token validation, and the
 * domain and project lists ({@code limit}/{@code marker} pagination with {@code links.next}).
 * Tokens carry the whole catalog: every service of the simulator with its three endpoints in
 * {@code RegionOne}.
 */
public final class KeystoneService implements ServiceHandler {
    private static final DateTimeFormatter KEYSTONE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final String VERSION_ID = "v3.14";
    private static final String UNAUTHORIZED = "The request you have made requires authentication.";

    private final ServiceContext context;
    private final SimulatorData data;

    public KeystoneService(ServiceContext context) {
        this.context = context;
        this.data = context.data();
    }

    @Override
    public String type() {
        return "identity";
    }

    @Override
    public String name() {
        return "keystone";
    }

    @Override
    public List<String> rootSegments() {
        return List.of("v3");
    }

    @Override
    public boolean requiresProjectScope() {
        return false;
    }

    @Override
    public boolean requiresToken(SimRequest r) {
        String p = r.path();
        return !("/".equals(p) || "/v3".equals(p) || "/v3/".equals(p)
                || ("/v3/auth/tokens".equals(p) && "POST".equals(r.method())));
    }

    @Override
    public SimResponse handle(SimRequest r) throws IOException {
        String p = r.path();
        if ("/".equals(p)) {
            return read(r, () -> versions(r));
        }
        if ("/v3".equals(p) || "/v3/".equals(p)) {
            return read(r, () -> SimResponse.json(200, g -> {
                g.writeStartObject();
                g.writeFieldName("version");
                writeVersion(g, r);
                g.writeEndObject();
            }));
        }
        if ("/v3/auth/tokens".equals(p)) {
            if ("POST".equals(r.method())) {
                return authenticate(r);
            }
            return read(r, () -> validate(r));
        }
        if ("/v3/domains".equals(p)) {
            return read(r, () -> listDomains(r));
        }
        if (p.startsWith("/v3/domains/")) {
            String id = p.substring("/v3/domains/".length());
            return read(r, () -> data.domain(id, false)
                    .map(d -> SimResponse.json(200, g -> {
                        g.writeStartObject();
                        g.writeFieldName("domain");
                        writeDomain(g, d, r);
                        g.writeEndObject();
                    }))
                    .orElseGet(() -> SimResponse.error(404, "Could not find domain: " + id + ".")));
        }
        if ("/v3/projects".equals(p)) {
            return read(r, () -> listProjects(r));
        }
        if (p.startsWith("/v3/projects/")) {
            String id = p.substring("/v3/projects/".length());
            return read(r, () -> data.projectById(id)
                    .map(pr -> SimResponse.json(200, g -> {
                        g.writeStartObject();
                        g.writeFieldName("project");
                        writeProject(g, pr, r);
                        g.writeEndObject();
                    }))
                    .orElseGet(() -> SimResponse.error(404, "Could not find project: " + id + ".")));
        }
        return SimResponse.error(404, "The resource could not be found.");
    }

    private interface Answer {
        SimResponse get() throws IOException;
    }

    private static SimResponse read(SimRequest r, Answer answer) throws IOException {
        return r.isRead() ? answer.get() : SimResponse.error(405, "The method is not allowed for the requested URL.");
    }

    // ------------------------------------------------------------------ versions

    private SimResponse versions(SimRequest r) {
        return SimResponse.json(300, g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("versions");
            g.writeArrayFieldStart("values");
            writeVersion(g, r);
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private static void writeVersion(JsonGenerator g, SimRequest r) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", VERSION_ID);
        g.writeStringField("status", "stable");
        g.writeStringField("updated", "2020-04-07T00:00:00Z");
        g.writeArrayFieldStart("links");
        g.writeStartObject();
        g.writeStringField("rel", "self");
        g.writeStringField("href", r.endpointUrl() + "/v3/");
        g.writeEndObject();
        g.writeEndArray();
        g.writeArrayFieldStart("media-types");
        g.writeStartObject();
        g.writeStringField("base", "application/json");
        g.writeStringField("type", "application/vnd.openstack.identity-v3+json");
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    // ------------------------------------------------------------------ tokens

    private SimResponse authenticate(SimRequest r) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            return SimResponse.error(400, "The request body is not valid JSON.");
        }
        if (root == null || !root.path("auth").path("identity").isObject()) {
            return SimResponse.error(400, "Expecting to find identity in auth.");
        }
        JsonNode auth = root.path("auth");
        JsonNode identity = auth.path("identity");
        List<String> methods = new ArrayList<>();
        identity.path("methods").forEach(m -> methods.add(m.asText()));
        Credentials creds = data.credentials();
        SimProject project;
        String appCred = null;
        if (methods.contains("password")) {
            JsonNode user = identity.path("password").path("user");
            if (!user.isObject()) {
                return SimResponse.error(400, "Expecting to find user in password.");
            }
            if (!user.has("id") && !user.path("domain").isObject()) {
                return SimResponse.error(400, "Expecting to find domain in user.");
            }
            if (!isAdminUser(user) || !creds.password().equals(user.path("password").asText(null))) {
                return SimResponse.error(401, UNAUTHORIZED);
            }
            Optional<SimProject> scoped = scope(auth.get("scope"));
            if (scoped == null) {
                return SimResponse.error(401, UNAUTHORIZED);
            }
            project = scoped.orElse(null);
        } else if (methods.contains("application_credential")) {
            JsonNode ac = identity.path("application_credential");
            boolean known = creds.applicationCredentialId().equals(ac.path("id").asText(null))
                    || (creds.applicationCredentialName().equals(ac.path("name").asText(null))
                            && isAdminUser(ac.path("user")));
            if (!known || !creds.applicationCredentialSecret().equals(ac.path("secret").asText(null))) {
                return SimResponse.error(401, UNAUTHORIZED);
            }
            if (auth.has("scope")) {
                return SimResponse.error(401, "Application credentials cannot request a scope.");
            }
            project = data.adminProject();
            appCred = creds.applicationCredentialId();
        } else {
            return SimResponse.error(401, "Attempted to authenticate with an unsupported method.");
        }
        TokenStore.Token token = context.tokens().issue(creds.userId(), project,
                appCred == null ? List.of("password") : List.of("application_credential"), appCred);
        return SimResponse.json(201, g -> writeToken(g, token, true)).header("X-Subject-Token", token.id());
    }

    /** Whether a {@code user} object names the admin user, by id or by name and domain. */
    private boolean isAdminUser(JsonNode user) {
        Credentials creds = data.credentials();
        if (user.has("id")) {
            return creds.userId().equals(user.path("id").asText());
        }
        JsonNode domain = user.path("domain");
        boolean inDefault = SimulatorData.DEFAULT_DOMAIN_ID.equals(domain.path("id").asText(null))
                || creds.userDomainName().equals(domain.path("name").asText(null));
        return inDefault && creds.username().equals(user.path("name").asText(null));
    }

    /**
     * The project a scope names: empty for no scope (an unscoped token), null when the scope is unknown
     * or not a project.
     */
    private Optional<SimProject> scope(JsonNode scope) {
        if (scope == null || scope.isNull() || (scope.isTextual() && "unscoped".equals(scope.asText()))) {
            return Optional.empty();
        }
        JsonNode p = scope.path("project");
        if (!p.isObject()) {
            return null; // domain and system scopes are not simulated
        }
        Optional<SimProject> found;
        if (p.has("id")) {
            found = data.projectById(p.path("id").asText());
        } else {
            JsonNode d = p.path("domain");
            Optional<SimDomain> domain = d.has("id")
                    ? data.domain(d.path("id").asText(), false)
                    : data.domain(d.path("name").asText(null), true);
            found = domain.flatMap(dom -> data.projectByName(p.path("name").asText(null), dom.id()));
        }
        return found.isPresent() ? found : null;
    }

    private SimResponse validate(SimRequest r) {
        TokenStore.Token subject = context.tokens().validate(r.header("X-Subject-Token"));
        if (subject == null) {
            return SimResponse.error(404, "Could not find token.");
        }
        if ("HEAD".equals(r.method())) {
            return SimResponse.empty(200).header("X-Subject-Token", subject.id());
        }
        boolean catalog = r.param("nocatalog") == null;
        return SimResponse.json(200, g -> writeToken(g, subject, catalog)).header("X-Subject-Token", subject.id());
    }

    private void writeToken(JsonGenerator g, TokenStore.Token t, boolean withCatalog) throws IOException {
        Credentials creds = data.credentials();
        g.writeStartObject();
        g.writeObjectFieldStart("token");
        Json.stringArray(g, "methods", t.methods());
        g.writeObjectFieldStart("user");
        writeDomainRef(g, data.domain(SimulatorData.DEFAULT_DOMAIN_ID, false).orElseThrow());
        g.writeStringField("id", t.userId());
        g.writeStringField("name", creds.username());
        g.writeNullField("password_expires_at");
        g.writeEndObject();
        Json.stringArray(g, "audit_ids", List.of(t.auditId()));
        g.writeStringField("expires_at", KEYSTONE_TIME.format(t.expiresAt()));
        g.writeStringField("issued_at", KEYSTONE_TIME.format(t.issuedAt()));
        if (t.applicationCredentialId() != null) {
            g.writeObjectFieldStart("application_credential");
            g.writeStringField("id", t.applicationCredentialId());
            g.writeStringField("name", creds.applicationCredentialName());
            g.writeBooleanField("restricted", true);
            g.writeEndObject();
        }
        SimProject p = t.project();
        if (p != null) {
            g.writeObjectFieldStart("project");
            writeDomainRef(g, data.domain(p.domainId(), false).orElseThrow());
            g.writeStringField("id", p.id());
            g.writeStringField("name", p.name());
            g.writeEndObject();
            g.writeBooleanField("is_domain", false);
            g.writeArrayFieldStart("roles");
            for (SimulatorData.Role role : data.roles()) {
                g.writeStartObject();
                g.writeStringField("id", role.id());
                g.writeStringField("name", role.name());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (withCatalog) {
                writeCatalog(g, t);
            }
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private void writeCatalog(JsonGenerator g, TokenStore.Token t) throws IOException {
        g.writeArrayFieldStart("catalog");
        List<ServiceHandler> services = context.services();
        for (int s = 0; s < services.size(); s++) {
            ServiceHandler service = services.get(s);
            g.writeStartObject();
            g.writeArrayFieldStart("endpoints");
            for (int i = 0; i < ServiceContext.INTERFACES.size(); i++) {
                String itf = ServiceContext.INTERFACES.get(i);
                g.writeStartObject();
                g.writeStringField("id", data.catalogId(1000 + s * 10 + i));
                g.writeStringField("interface", itf);
                g.writeStringField("region", ServiceContext.REGION);
                g.writeStringField("region_id", ServiceContext.REGION);
                g.writeStringField("url", context.endpointBase(service, itf) + service.catalogSuffix(t));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("id", data.catalogId(s));
            g.writeStringField("type", service.type());
            g.writeStringField("name", service.name());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeDomainRef(JsonGenerator g, SimDomain d) throws IOException {
        g.writeObjectFieldStart("domain");
        g.writeStringField("id", d.id());
        g.writeStringField("name", d.name());
        g.writeEndObject();
    }

    // ------------------------------------------------------------------ domains and projects

    private SimResponse listDomains(SimRequest r) {
        String name = r.param("name");
        List<SimDomain> domains = data.domains().stream()
                .filter(d -> name == null || d.name().equals(name))
                .toList();
        return SimResponse.json(200, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("domains");
            for (SimDomain d : domains) {
                writeDomain(g, d, r);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("links");
            g.writeNullField("next");
            g.writeNullField("previous");
            g.writeStringField("self", r.endpointUrl() + "/v3/domains");
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private static void writeDomain(JsonGenerator g, SimDomain d, SimRequest r) throws IOException {
        g.writeStartObject();
        g.writeStringField("description", d.description());
        g.writeBooleanField("enabled", true);
        g.writeStringField("id", d.id());
        g.writeObjectFieldStart("links");
        g.writeStringField("self", r.endpointUrl() + "/v3/domains/" + d.id());
        g.writeEndObject();
        g.writeStringField("name", d.name());
        Json.stringArray(g, "tags", List.of());
        g.writeEndObject();
    }

    private SimResponse listProjects(SimRequest r) {
        int limit;
        try {
            limit = Query.nonNegative(r.param("limit"), -1);
        } catch (IllegalArgumentException e) {
            return SimResponse.error(400, "Invalid value for limit: " + r.param("limit"));
        }
        int start = 0;
        String marker = r.param("marker");
        if (marker != null) {
            int index = data.projectIndex(marker);
            if (index < 0) {
                return SimResponse.error(400, "Marker " + marker + " could not be found.");
            }
            start = index + 1;
        }
        String domainId = r.param("domain_id");
        String name = r.param("name");
        String enabled = r.param("enabled");
        Predicate<SimProject> filter = p -> (domainId == null || p.domainId().equals(domainId))
                && (name == null || p.name().equals(name))
                && (enabled == null || !"false".equalsIgnoreCase(enabled));
        int first = start;
        return SimResponse.streamedJson(200, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("projects");
            int written = 0;
            int i = first;
            String last = null;
            int n = data.projectCount();
            for (; i < n && (limit < 0 || written < limit); i++) {
                SimProject p = data.project(i);
                if (filter.test(p)) {
                    writeProject(g, p, r);
                    last = p.id();
                    written++;
                }
            }
            g.writeEndArray();
            boolean more = false;
            if (limit >= 0 && written == limit && last != null) {
                for (int j = i; j < n && !more; j++) {
                    more = filter.test(data.project(j));
                }
            }
            g.writeObjectFieldStart("links");
            if (more) {
                Map<String, List<String>> next = Query.copy(r.params());
                next.put("marker", List.of(last));
                next.put("limit", List.of(Integer.toString(limit)));
                g.writeStringField("next", r.endpointUrl() + "/v3/projects?" + Query.encode(next));
            } else {
                g.writeNullField("next");
            }
            g.writeNullField("previous");
            g.writeStringField("self", r.endpointUrl() + "/v3/projects");
            g.writeEndObject();
            if (more) {
                g.writeBooleanField("truncated", true);
            }
            g.writeEndObject();
        });
    }

    private static void writeProject(JsonGenerator g, SimProject p, SimRequest r) throws IOException {
        g.writeStartObject();
        g.writeBooleanField("is_domain", false);
        g.writeStringField("description", p.description());
        g.writeStringField("domain_id", p.domainId());
        g.writeBooleanField("enabled", true);
        g.writeStringField("id", p.id());
        g.writeObjectFieldStart("links");
        g.writeStringField("self", r.endpointUrl() + "/v3/projects/" + p.id());
        g.writeEndObject();
        g.writeStringField("name", p.name());
        g.writeStringField("parent_id", p.domainId());
        Json.stringArray(g, "tags", List.of());
        g.writeObjectFieldStart("options");
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Keystone's time format, for tests: microseconds and {@code Z}. */
    public static String formatTime(Instant t) {
        return KEYSTONE_TIME.format(t);
    }
}
