package org.ceilometer.osgi.pollster.objectstore;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings shared by the five Swift pollsters. A double underscore in a method name stands for one
 * underscore in the property name.
 */
@ObjectClassDefinition(name = "Ceilometer Swift pollsters",
        description = "The storage.objects, storage.objects.size, storage.objects.containers, "
                + "storage.containers.objects and storage.containers.objects.size pollsters")
public @interface SwiftPollsterConfig {
    /** The PID every Swift pollster reads. */
    String PID = "ceilometer.pollster.objectstore";

    /** Ceilometer's {@code reseller_prefix}. */
    @AttributeDefinition(description = "Swift reseller prefix; must be on par with reseller_prefix in Swift's "
            + "proxy-server.conf")
    String reseller__prefix() default SwiftAccounts.DEFAULT_RESELLER_PREFIX;

    @AttributeDefinition(description = "Containers asked for per account listing request (Swift's "
            + "account_listing_limit, 10000 by default, is the largest it serves); every page is read")
    int container__page__size() default SwiftAccounts.DEFAULT_PAGE_SIZE;
}
