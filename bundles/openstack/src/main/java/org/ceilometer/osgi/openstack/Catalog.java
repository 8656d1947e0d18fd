package org.ceilometer.osgi.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The service catalog of a v3 token. */
final class Catalog {
    private final List<Endpoint> endpoints;

    private Catalog(List<Endpoint> endpoints) {
        this.endpoints = endpoints;
    }

    static Catalog parse(JsonNode catalog) {
        List<Endpoint> out = new ArrayList<>();
        if (catalog != null && catalog.isArray()) {
            for (JsonNode service : catalog) {
                String type = service.path("type").asText(null);
                if (type == null) {
                    continue;
                }
                for (JsonNode e : service.path("endpoints")) {
                    String url = e.path("url").asText(null);
                    if (url == null || url.isBlank()) {
                        continue;
                    }
                    out.add(new Endpoint(type, Settings.normalizeInterface(e.path("interface").asText("")),
                            e.path("region_id").asText(null), e.path("region").asText(null),
                            Urls.stripSlash(url.trim())));
                }
            }
        }
        return new Catalog(List.copyOf(out));
    }

    /**
     * The URLs of a service type for an interface, in catalog order, without duplicates.
     *
     * @param region null for any region; otherwise matched against {@code region_id} or {@code region}
     */
    List<String> urls(String type, String interfaceName, String region) {
        Set<String> out = new LinkedHashSet<>();
        for (Endpoint e : endpoints) {
            if (e.type.equals(type) && e.interfaceName.equals(interfaceName)
                    && (region == null || region.equals(e.regionId) || region.equals(e.region))) {
                out.add(e.url);
            }
        }
        return List.copyOf(out);
    }

    int size() {
        return endpoints.size();
    }

    private static final class Endpoint {
        final String type;
        final String interfaceName;
        final String regionId;
        final String region;
        final String url;

        Endpoint(String type, String interfaceName, String regionId, String region, String url) {
            this.type = type;
            this.interfaceName = interfaceName;
            this.regionId = regionId;
            this.region = region;
            this.url = url;
        }
    }
}
