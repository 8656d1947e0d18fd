package org.ceilometer.osgi.conf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a ceilometer.conf maps to: the options of each PID, and what it had to say about the file. */
final class MappingResult {
    /** Where a value comes from in ceilometer.conf. */
    record Origin(String section, String key, int line, String via) {
        @Override
        public String toString() {
            return "line " + line + " [" + section + "] " + key + (via == null ? "" : " (" + via + ")");
        }
    }

    /** One option of a PID: a String, or a String[] for a multi-valued option. */
    record Setting(Object value, Origin origin) {}

    /** An option of the file, with its place: for the unknown and ignored lists. */
    record Located(String section, String key, int line) {
        @Override
        public String toString() {
            return "[" + section + "] " + key + " (line " + line + ")";
        }
    }

    private final Map<String, Map<String, Setting>> pids;
    private final List<Located> unknown;
    private final List<Located> ignored;
    private final List<String> renamed;
    private final List<String> problems;

    MappingResult(Map<String, Map<String, Setting>> pids, List<Located> unknown, List<Located> ignored,
            List<String> renamed, List<String> problems) {
        Map<String, Map<String, Setting>> copy = new LinkedHashMap<>();
        pids.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        this.pids = Collections.unmodifiableMap(copy);
        this.unknown = List.copyOf(unknown);
        this.ignored = List.copyOf(ignored);
        this.renamed = List.copyOf(renamed);
        this.problems = List.copyOf(problems);
    }

    /** PID to its options, in the order of the catalogue, then of the file. */
    Map<String, Map<String, Setting>> pids() {
        return pids;
    }

    /** Options neither Ceilometer nor this agent knows: copied, and worth a warning. */
    List<Located> unknown() {
        return unknown;
    }

    /** Options Ceilometer or its libraries know that this agent does not use: not copied. */
    List<Located> ignored() {
        return ignored;
    }

    /** Old names read under today's: "[service_credentials] os_username (line 4) is now ... username". */
    List<String> renamed() {
        return renamed;
    }

    /** Values that could not be used, and values that lost to another name of the same option. */
    List<String> problems() {
        return problems;
    }
}
