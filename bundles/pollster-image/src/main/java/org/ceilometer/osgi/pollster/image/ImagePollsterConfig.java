package org.ceilometer.osgi.pollster.image;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings shared by the {@code image} and {@code image.size} pollsters. */
@ObjectClassDefinition(name = "Ceilometer Glance pollsters",
        description = "The image and image.size pollsters")
public @interface ImagePollsterConfig {
    /** The PID both pollsters read. */
    String PID = "ceilometer.pollster.image";

    /** Maps to {@code glance_page_size} (a double underscore stands for one underscore). */
    @AttributeDefinition(description = "Images asked for per Glance request (Glance allows at most 1000 by "
            + "default); 0 or less sends no limit, so Glance uses its own default (25)")
    int glance__page__size() default GlanceImages.DEFAULT_PAGE_SIZE;
}
