package org.ceilometer.osgi.pollster.image;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.ceilometer.osgi.api.PollContext;

/**
 * Lists every image of one Glance endpoint, once per polling cycle: the first pollster of the cycle
 * pages through {@code GET <endpoint>/v2/images} and keeps compact records in the cycle cache under
 * {@code image.images:<endpoint>}; the other reads them from there.
 */
final class GlanceImages {
    /** Glance's {@code api_limit_max}: the largest page it serves by default. */
    static final int DEFAULT_PAGE_SIZE = 1000;
    static final String CACHE_PREFIX = "image.images:";

    private GlanceImages() {}

    /** The endpoint without trailing slashes, as cache keys and URLs use it. */
    static String normalize(String endpoint) {
        String e = endpoint.trim();
        while (e.endsWith("/")) {
            e = e.substring(0, e.length() - 1);
        }
        return e;
    }

    /** The first page's URL. */
    static String listUrl(String endpoint, int pageSize) {
        return endpoint + "/v2/images" + (pageSize > 0 ? "?limit=" + pageSize : "");
    }

    /**
     * Every image of the endpoint, listed at most once per cycle.
     *
     * @param endpoint a normalized endpoint URL
     * @throws Exception the listing's failure (not cached: a later caller of the cycle tries again)
     */
    static List<ImageRecord> list(PollContext context, String endpoint, int pageSize) throws Exception {
        return context.cache().computeIfAbsent(CACHE_PREFIX + endpoint, () -> load(context, endpoint, pageSize));
    }

    private static List<ImageRecord> load(PollContext context, String endpoint, int pageSize) throws Exception {
        List<ImageRecord> images = new ArrayList<>();
        ImageRecord.Interner strings = new ImageRecord.Interner();
        context.openstack().paginate(listUrl(endpoint, pageSize), "images", Map.of(), image -> {
            if (context.isCancelled()) {
                throw new CancellationException("polling cycle cancelled while listing " + endpoint);
            }
            images.add(ImageRecord.of(image, strings));
        });
        return Collections.unmodifiableList(images);
    }
}
