package org.ceilometer.osgi.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plain-text tables and key/value lists for the shell. */
final class Table {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    Table(String... header) {
        this.columns = header.length;
        rows.add(header);
    }

    Table row(Object... cells) {
        String[] r = new String[columns];
        for (int i = 0; i < columns; i++) {
            r[i] = i < cells.length && cells[i] != null ? cells[i].toString() : "-";
        }
        rows.add(r);
        return this;
    }

    int size() {
        return rows.size() - 1;
    }

    @Override
    public String toString() {
        int[] w = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < columns; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            for (int i = 0; i < columns; i++) {
                sb.append(r[i]);
                if (i < columns - 1) {
                    sb.append(" ".repeat(w[i] - r[i].length() + 2));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String keyValues(Map<String, ?> m) {
        int w = 0;
        for (String k : m.keySet()) {
            w = Math.max(w, k.length());
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, ?> e : m.entrySet()) {
            sb.append(e.getKey()).append(':').append(" ".repeat(w - e.getKey().length() + 1))
                    .append(e.getValue()).append('\n');
        }
        return sb.toString();
    }
}
