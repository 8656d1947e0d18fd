package org.ceilometer.osgi.conf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed oslo.config INI file: its assignments in file order. Section names are normalized as
 * oslo.config does ({@code DEFAULT} kept, every other name in lower case). A key written twice
 * gives two entries; which one counts is the mapper's business.
 */
final class IniDocument {
    /** One assignment: {@code key = value} (continuation lines joined with a newline). */
    record Entry(String section, String key, String value, int line) {}

    private final List<Entry> entries;
    private final Map<String, Integer> sections;

    IniDocument(List<Entry> entries, Map<String, Integer> sections) {
        this.entries = List.copyOf(entries);
        this.sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    List<Entry> entries() {
        return entries;
    }

    /** The sections in file order, each with the line of its first header. */
    Map<String, Integer> sections() {
        return sections;
    }

    /** The entries of one section, in file order. */
    List<Entry> section(String name) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.section().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The last value of {@code key} in {@code section}, as oslo.config reads a single-valued option. */
    Entry last(String section, String key) {
        Entry found = null;
        for (Entry e : entries) {
            if (e.section().equals(section) && e.key().equals(key)) {
                found = e;
            }
        }
        return found;
    }
}
