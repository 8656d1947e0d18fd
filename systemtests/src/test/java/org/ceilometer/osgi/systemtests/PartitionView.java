package org.ceilometer.osgi.systemtests;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code ceilometer:partition} printed about the coordinator and one group. */
record PartitionView(String state, String membership, int memberCount, String text) {
    private static final Pattern STATE = Pattern.compile("(?m)^state:\\s*(\\S+)");

    static PartitionView parse(String text, String group) {
        Matcher s = STATE.matcher(text);
        String state = s.find() ? s.group(1) : "?";
        Matcher g = Pattern.compile(Pattern.quote(group) + "=\\{([^}]*)\\}").matcher(text);
        if (!g.find()) {
            return new PartitionView(state, "absent", 0, text);
        }
        String body = g.group(1);
        Matcher m = Pattern.compile("membership=(\\w+)").matcher(body);
        Matcher c = Pattern.compile("member_count=(\\d+)").matcher(body);
        return new PartitionView(state, m.find() ? m.group(1) : "?", c.find() ? Integer.parseInt(c.group(1)) : 0,
                text);
    }

    /** Connected, the membership of the group known, with this many members. */
    boolean settled(int members) {
        return "connected".equals(state) && "known".equals(membership) && memberCount == members;
    }

    /** The coordinator has no current connection to ZooKeeper. */
    boolean disconnected() {
        return "suspended".equals(state) || "lost".equals(state);
    }
}
