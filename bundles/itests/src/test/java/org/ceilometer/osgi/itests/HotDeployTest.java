package org.ceilometer.osgi.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ceilometer.osgi.api.Namespaces;
import org.ceilometer.osgi.api.Pollster;
import org.ceilometer.osgi.api.Sample;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;

/** (a) A pollster bundle installed at runtime is polled in the next cycle; uninstalled, it is gone. */
class HotDeployTest {
    private static final String METER = "itest.hotdeploy";

    @Test
    void aPollsterBundleInstalledAtRuntimeIsPolledAndLeavesNothingWhenRemoved() throws Exception {
        BundleContext ctx = Itest.context();
        Itest.configure(Namespaces.PID_DATABASE, Map.of("connection", "itest://"));
        Itest.writePolling("sources:\n  - name: hotdeploy\n    interval: 1\n    meters: ['itest.*']\n"
                + "    resources: [r-1, r-2]\n");
        Itest.awaitShell("the source loaded", 15_000, () -> Itest.shell("ceilometer:sources").contains("hotdeploy"));
        assertTrue(MemoryStore.of(METER).isEmpty());

        Bundle bundle;
        try (InputStream in = HotDeployTest.class.getResourceAsStream("/bundles/itests-pollster.jar")) {
            assertNotNull(in, "the test pollster bundle is embedded in the test bundle");
            bundle = ctx.installBundle("itest:itests-pollster", in);
        }
        long installedAt = System.nanoTime();
        bundle.start();
        Itest.await("samples of the hot-deployed pollster", 15_000, () -> MemoryStore.of(METER).size() >= 2);
        long latencyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - installedAt);
        System.out.println("hot-deploy: first samples stored " + latencyMs + " ms after install (interval 1 s)");
        List<Sample> samples = MemoryStore.of(METER);
        assertTrue(samples.stream().anyMatch(s -> s.resourceId().equals("r-1")));
        assertTrue(samples.stream().anyMatch(s -> s.resourceId().equals("r-2")));
        String pollsters = Itest.shell("ceilometer:pollsters");
        assertTrue(pollsters.contains(METER) && pollsters.contains("ceilometer.itests-pollster"), pollsters);

        Collection<ServiceReference<Pollster>> refs =
                ctx.getServiceReferences(Pollster.class, "(" + Namespaces.METER + "=" + METER + ")");
        assertEquals(1, refs.size());
        ServiceReference<Pollster> ref = refs.iterator().next();
        WeakReference<Class<?>> pollsterClass = new WeakReference<>(ctx.getService(ref).getClass());
        ctx.ungetService(ref);
        refs = null;
        ref = null;

        bundle.uninstall();
        CountDownLatch refreshed = new CountDownLatch(1);
        ctx.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(null, e -> {
            if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.countDown();
            }
        });
        assertTrue(refreshed.await(30, TimeUnit.SECONDS));
        Itest.awaitShell("the pollster gone from the shell", 10_000,
                () -> !Itest.shell("ceilometer:pollsters").contains(METER));

        long cyclesBefore = Long.parseLong(Itest.status("cycles"));
        int storedBefore = MemoryStore.of(METER).size();
        Itest.awaitShell("two more cycles", 15_000, () -> Long.parseLong(Itest.status("cycles")) >= cyclesBefore + 2);
        assertEquals(storedBefore, MemoryStore.of(METER).size(), "no sample after removal");
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            for (StackTraceElement e : t.getStackTrace()) {
                assertTrue(!e.getClassName().startsWith("org.ceilometer.osgi.itests.pollster"),
                        "thread " + t.getName() + " still runs the removed pollster");
            }
        }
        Itest.await("the removed bundle's class loader collected", 20_000, () -> {
            System.gc();
            return pollsterClass.get() == null;
        });
    }
}
