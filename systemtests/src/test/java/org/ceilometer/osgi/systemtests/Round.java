package org.ceilometer.osgi.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One polling cycle of several agents, driven at once: per agent and meter, the resource ids of the
 * samples it stored in this cycle.
 */
final class Round {
    final int number;
    final Instant start;
    final Instant end;
    /** agent name -> meter -> resource ids, in the order stored. */
    final Map<String, Map<String, List<String>>> samples;

    Round(int number, Instant start, Instant end, Map<String, Map<String, List<String>>> samples) {
        this.number = number;
        this.start = start;
        this.end = end;
        this.samples = samples;
    }

    Duration duration() {
        return Duration.between(start, end);
    }

    /** Resource ids of a meter polled more than once in this cycle (by one agent or by several). */
    Set<String> duplicates(String meter) {
        Map<String, Integer> n = new HashMap<>();
        samples.values().forEach(m -> m.getOrDefault(meter, List.of()).forEach(id -> n.merge(id, 1, Integer::sum)));
        Set<String> out = new TreeSet<>();
        n.forEach((id, c) -> {
            if (c > 1) {
                out.add(id);
            }
        });
        return out;
    }

    Set<String> union(String meter) {
        Set<String> out = new TreeSet<>();
        samples.values().forEach(m -> out.addAll(m.getOrDefault(meter, List.of())));
        return out;
    }

    Set<String> missing(String meter, Collection<String> expected) {
        Set<String> out = new TreeSet<>(expected);
        out.removeAll(union(meter));
        return out;
    }

    Set<String> unexpected(String meter, Collection<String> expected) {
        Set<String> out = union(meter);
        out.removeAll(expected);
        return out;
    }

    /** Every meter: each expected resource exactly once, nothing else. */
    boolean exactlyOnce(Collection<String> meters, Collection<String> expected) {
        for (String m : meters) {
            if (!duplicates(m).isEmpty() || !missing(m, expected).isEmpty() || !unexpected(m, expected).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    boolean noDuplicates(Collection<String> meters) {
        return meters.stream().allMatch(m -> duplicates(m).isEmpty());
    }

    /** resource id -> the agent that polled it (meaningful when there are no duplicates). */
    Map<String, String> owners(String meter) {
        Map<String, String> out = new TreeMap<>();
        samples.forEach((agent, m) -> m.getOrDefault(meter, List.of()).forEach(id -> out.put(id, agent)));
        return out;
    }

    /** agent -> how many resources of the meter it polled. */
    Map<String, Integer> shares(String meter) {
        Map<String, Integer> out = new TreeMap<>();
        samples.forEach((agent, m) -> out.put(agent, m.getOrDefault(meter, List.of()).size()));
        return out;
    }

    int total() {
        return samples.values().stream().flatMap(m -> m.values().stream()).mapToInt(List::size).sum();
    }

    /** A summary for messages: shares, duplicates and missing resources per meter. */
    String describe(Collection<String> meters, Collection<String> expected) {
        Map<String, Object> d = new LinkedHashMap<>();
        for (String m : meters) {
            List<String> parts = new ArrayList<>();
            parts.add("shares " + shares(m));
            parts.add("duplicates " + duplicates(m));
            parts.add("missing " + missing(m, expected).size() + " " + abbreviate(missing(m, expected)));
            Set<String> extra = unexpected(m, expected);
            if (!extra.isEmpty()) {
                parts.add("unexpected " + extra);
            }
            d.put(m, String.join(", ", parts));
        }
        return "cycle " + number + " (" + duration().toMillis() + " ms): " + d;
    }

    private static String abbreviate(Set<String> s) {
        List<String> l = new ArrayList<>(s);
        return l.size() <= 6 ? l.toString() : l.subList(0, 6) + "...";
    }
}
