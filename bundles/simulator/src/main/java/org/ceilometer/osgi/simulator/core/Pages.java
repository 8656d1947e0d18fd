package org.ceilometer.osgi.simulator.core;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * What the services' paged lists share: choosing the items of one page, and writing the links to the
 * next page. What differs (default and maximum limits, an unknown marker's status, link shapes) stays
 * with each service.
 */
public final class Pages {
    /** A limit for "no limit". */
    public static final int NONE = Integer.MAX_VALUE;

    private Pages() {}

    /**
     * The indices of one page: from {@code from} on (up to {@code count}), the visible ones, leaving out
     * the first {@code skip} of those, at most {@code limit} ({@link #NONE} for all).
     */
    public static List<Integer> window(int from, int count, IntPredicate visible, int skip, int limit) {
        List<Integer> page = new ArrayList<>(Math.min(limit, 1024));
        int skipped = 0;
        for (int i = Math.max(0, from); i < count && page.size() < limit; i++) {
            if (!visible.test(i)) {
                continue;
            }
            if (skipped < skip) {
                skipped++;
                continue;
            }
            page.add(i);
        }
        return page;
    }

    /**
     * The request's query with one parameter set last to a value (taken out when the value is null), as
     * the services' links carry the request's query on: {@code limit=2&marker=<last id>}.
     */
    public static String query(Map<String, List<String>> params, String name, String value) {
        Map<String, List<String>> copy = Query.copy(params);
        copy.remove(name);
        if (value != null) {
            copy.put(name, List.of(value));
        }
        return Query.encode(copy);
    }

    /** Writes one link object: {@code {"rel": rel, "href": href}}. */
    public static void link(JsonGenerator g, String rel, String href) throws IOException {
        g.writeStartObject();
        g.writeStringField("rel", rel);
        g.writeStringField("href", href);
        g.writeEndObject();
    }

    /** Writes {@code <collection>_links} holding one {@code next} link (Cinder's and Manila's shape). */
    public static void nextLinks(JsonGenerator g, String collection, String href) throws IOException {
        g.writeArrayFieldStart(collection + "_links");
        link(g, "next", href);
        g.writeEndArray();
    }
}
