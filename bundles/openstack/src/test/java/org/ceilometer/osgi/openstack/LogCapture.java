package org.ceilometer.osgi.openstack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Collects what slf4j-simple writes to System.err while open (it looks System.err up on each line). */
final class LogCapture implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    LogCapture() {
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    }

    /** The lines captured so far that contain {@code text}. */
    List<String> lines(String text) {
        String all = buffer.toString(StandardCharsets.UTF_8);
        return Arrays.stream(all.split("\\R")).filter(l -> l.contains(text)).collect(Collectors.toList());
    }

    String all() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setErr(original);
        original.print(all());
    }
}
