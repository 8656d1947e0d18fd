package org.ceilometer.osgi.systemtests;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What {@code ceilometer:poll <source>} printed: samples per meter, errors and pollsters skipped. */
record PollReport(Map<String, Integer> samplesByMeter, int samples, int errors, int skipped, String text) {
    private static final Pattern ROW = Pattern.compile("(?m)^([A-Za-z0-9_.:\\-]+)\\s+(\\d+)\\s*$");
    private static final Pattern SUMMARY = Pattern.compile(
            "sources \\[[^\\]]*\\]: (\\d+) samples, (\\d+) errors, (\\d+) skipped");

    static PollReport parse(String text) {
        Matcher s = SUMMARY.matcher(text);
        if (!s.find()) {
            throw new AssertionError("ceilometer:poll printed no summary line:\n" + text);
        }
        Map<String, Integer> byMeter = new TreeMap<>();
        Matcher r = ROW.matcher(text);
        while (r.find()) {
            byMeter.put(r.group(1), Integer.parseInt(r.group(2)));
        }
        return new PollReport(byMeter, Integer.parseInt(s.group(1)), Integer.parseInt(s.group(2)),
                Integer.parseInt(s.group(3)), text);
    }

    /** Lines that are not the command's table or summary (log lines the agent wrote to the shell session). */
    List<String> otherLines() {
        return text.lines().filter(l -> !l.isBlank() && !l.startsWith("METER") && !l.startsWith("sources [")
                && !ROW.matcher(l).matches()).collect(Collectors.toList());
    }
}
