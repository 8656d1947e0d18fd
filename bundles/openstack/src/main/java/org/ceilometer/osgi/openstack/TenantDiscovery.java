package org.ceilometer.osgi.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.Discovery;
import org.ceilometer.osgi.api.Namespaces;
import org.ceilometer.osgi.api.PollContext;
import org.ceilometer.osgi.api.Resource;
import org.ceilometer.osgi.api.annotations.DiscoveryService;
import org.ceilometer.osgi.api.openstack.OpenStackClient;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tenant}: the Keystone v3 projects of every domain ({@code GET /v3/domains}, then
 * {@code GET /v3/projects?domain_id=} for each, all pages), each a resource whose id is the project id
 * and whose payload is the project's JSON. With {@code [polling] ignore_disabled_projects} (default
 * false, as Ceilometer) disabled domains and projects are left out.
 */
@Component(service = Discovery.class, configurationPid = Namespaces.PID_POLLING,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@DiscoveryService(discovery = "tenant")
public class TenantDiscovery implements Discovery {
    private static final Logger LOG = LoggerFactory.getLogger(TenantDiscovery.class);
    static final String IGNORE_DISABLED_PROJECTS = "ignore_disabled_projects";

    private volatile boolean ignoreDisabled;

    @Activate
    public TenantDiscovery(Map<String, Object> properties) {
        configure(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        configure(properties);
    }

    private void configure(Map<String, ?> properties) {
        Object v = properties == null ? null : properties.get(IGNORE_DISABLED_PROJECTS);
        ignoreDisabled = v != null && Boolean.parseBoolean(String.valueOf(v).trim());
    }

    boolean ignoresDisabled() {
        return ignoreDisabled;
    }

    @Override
    public List<Resource> discover(PollContext context, String param) throws Exception {
        boolean enabledOnly = ignoreDisabled;
        OpenStackClient os = context.openstack();
        String v3 = Urls.identityV3(os.endpoint("identity"));
        String domainsUrl = v3 + "/domains";
        if (enabledOnly) {
            domainsUrl = Urls.withQuery(domainsUrl, "enabled", "true");
        }
        List<JsonNode> domains = new ArrayList<>();
        os.paginate(domainsUrl, "domains", Map.of(), d -> {
            if (!enabledOnly || d.path("enabled").asBoolean(true)) {
                domains.add(d);
            }
        });
        LOG.debug("Found {} {}Keystone domains", domains.size(), enabledOnly ? "enabled " : "");
        Map<String, Resource> projects = new LinkedHashMap<>();
        for (JsonNode domain : domains) {
            if (context.isCancelled()) {
                break;
            }
            String domainId = domain.path("id").asText("");
            if (domainId.isEmpty()) {
                continue;
            }
            String url = Urls.withQuery(v3 + "/projects", "domain_id", domainId);
            if (enabledOnly) {
                url = Urls.withQuery(url, "enabled", "true");
            }
            int before = projects.size();
            os.paginate(url, "projects", Map.of(), p -> {
                String id = p.path("id").asText("");
                if (!id.isEmpty() && (!enabledOnly || p.path("enabled").asBoolean(true))) {
                    projects.putIfAbsent(id, Resource.of(id, p));
                }
            });
            LOG.debug("Found {} {}projects in domain {}", projects.size() - before, enabledOnly ? "enabled " : "",
                    domain.path("name").asText(domainId));
        }
        return new ArrayList<>(projects.values());
    }
}
