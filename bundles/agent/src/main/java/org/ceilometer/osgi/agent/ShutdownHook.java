package org.ceilometer.osgi.agent;

import org.osgi.framework.BundleContext;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the framework on SIGTERM, so that components deactivate and queues flush (the bnd launcher does
 * not). Only where the framework property {@code ceilometer.shutdown.hook} is {@code true}: test
 * runtimes end on their own.
 */
@Component(immediate = true)
public final class ShutdownHook {
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownHook.class);
    private final Thread hook;

    @Activate
    public ShutdownHook(BundleContext context) {
        if (!Boolean.parseBoolean(context.getProperty("ceilometer.shutdown.hook"))) {
            hook = null;
            return;
        }
        Framework framework = (Framework) context.getBundle(0);
        hook = new Thread(() -> {
            try {
                LOG.info("agent: stopping on signal");
                framework.stop();
                framework.waitForStop(30_000);
            } catch (Exception e) {
                System.err.println("ceilometer: clean stop failed: " + e);
            }
        }, "ceilometer-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Deactivate
    void deactivate() {
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook is running
            }
        }
    }
}
