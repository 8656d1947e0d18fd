package org.ceilometer.osgi.coordination.zookeeper;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundle imports these libraries optionally, so a runtime may lack them. The tests run without them
 * (surefire's classpathDependencyExcludes), which shows that the coordinator does not need them; this
 * test keeps that true if someone changes the pom.
 */
class RuntimeLikeClasspathTest {
    @ParameterizedTest
    @ValueSource(strings = {"com.google.common.base.Preconditions", "org.apache.commons.io.FileUtils",
        "org.apache.yetus.audience.InterfaceAudience", "com.codahale.metrics.Reservoir",
        "org.xerial.snappy.SnappyInputStream", "io.netty.channel.epoll.Epoll",
        "com.fasterxml.jackson.databind.ObjectMapper", "org.eclipse.jetty.server.Server"})
    void theTestsRunWithoutWhatTheBundleImportsOptionally(String className) {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(className));
    }
}
