package org.ceilometer.osgi.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the JUnit XML reports of the OSGi test run and prints {@code osgi: N passed, N failed, N skipped}
 * alone on a line. Exits non-zero when a test failed or when none passed, so that an OSGi run that ran
 * nothing can never pass unseen. Runs in Maven, not in the framework.
 */
public final class OsgiTestSummary {
    private static final Pattern ATTR = Pattern.compile("<testsuite\\b[^>]*>");

    private OsgiTestSummary() {}

    public static void main(String[] args) throws IOException {
        Path dir = Paths.get(args.length > 0 ? args[0] : "target/test-reports");
        List<Path> reports;
        try (Stream<Path> s = Files.exists(dir) ? Files.walk(dir) : Stream.empty()) {
            reports = s.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).collect(Collectors.toList());
        }
        long tests = 0;
        long failures = 0;
        long errors = 0;
        long skipped = 0;
        for (Path p : reports) {
            String xml = Files.readString(p);
            Matcher m = ATTR.matcher(xml);
            while (m.find()) {
                String tag = m.group();
                tests += attr(tag, "tests");
                failures += attr(tag, "failures");
                errors += attr(tag, "errors");
                skipped += attr(tag, "skipped");
            }
        }
        long failed = failures + errors;
        long passed = tests - failed - skipped;
        System.out.println("osgi: " + passed + " passed, " + failed + " failed, " + skipped + " skipped");
        if (failed > 0 || passed <= 0) {
            System.err.println(passed <= 0 ? "osgi: no OSGi test passed (reports in " + dir + ")"
                    : "osgi: " + failed + " OSGi tests failed (reports in " + dir + ")");
            System.exit(1);
        }
    }

    private static long attr(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"(\\d+)\"").matcher(tag);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
