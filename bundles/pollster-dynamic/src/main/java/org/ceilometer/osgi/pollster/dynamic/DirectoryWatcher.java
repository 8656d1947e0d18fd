package org.ceilometer.osgi.pollster.dynamic;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One scan of the definition directories that FileInstall does not watch ({@code config/pollsters.d}:
 * FileInstall takes a sub-directory of {@code config/} for an exploded bundle, never file by file). Like
 * FileInstall, a new or edited file is reported once its size and time stand still between two scans, so
 * that a file being written is not read half-way; a removed file is reported at once. Not thread-safe:
 * one thread scans.
 */
final class DirectoryWatcher {
    private record Stamp(long size, long modified) {}

    private final Predicate<Path> accepts;
    private final Consumer<Path> changed;
    private final Consumer<Path> removed;
    /** What each file looked like at the last scan. */
    private final Map<Path, Stamp> seen = new HashMap<>();
    /** What each file looked like when it was last reported. */
    private final Map<Path, Stamp> reported = new HashMap<>();
    private boolean first = true;

    DirectoryWatcher(Predicate<Path> accepts, Consumer<Path> changed, Consumer<Path> removed) {
        this.accepts = accepts;
        this.changed = changed;
        this.removed = removed;
    }

    /** Scans the directories (missing ones are empty) and reports what changed. */
    void scan(Set<Path> directories) {
        Map<Path, Stamp> now = new HashMap<>();
        for (Path dir : directories) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path f : files) {
                    if (!accepts.test(f)) {
                        continue;
                    }
                    try {
                        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                        if (a.isRegularFile()) {
                            now.put(f, new Stamp(a.size(), a.lastModifiedTime().toMillis()));
                        }
                    } catch (IOException e) {
                        // gone between the listing and the look: the next scan tells
                    }
                }
            } catch (IOException e) {
                // an unreadable directory counts as empty this time
            }
        }
        for (Path f : new ArrayList<>(reported.keySet())) {
            if (!now.containsKey(f)) {
                reported.remove(f);
                removed.accept(f);
            }
        }
        List<Path> ready = new ArrayList<>();
        for (Map.Entry<Path, Stamp> e : now.entrySet()) {
            Stamp s = e.getValue();
            boolean stable = first || s.equals(seen.get(e.getKey()));
            if (stable && !s.equals(reported.get(e.getKey()))) {
                ready.add(e.getKey());
            }
        }
        ready.sort(null);
        for (Path f : ready) {
            reported.put(f, now.get(f));
            changed.accept(f);
        }
        seen.clear();
        seen.putAll(now);
        first = false;
    }

    /** Forgets a directory's files (it is no longer watched), reporting them as removed. */
    void forget(Predicate<Path> gone) {
        for (Path f : new ArrayList<>(reported.keySet())) {
            if (gone.test(f)) {
                reported.remove(f);
                seen.remove(f);
                removed.accept(f);
            }
        }
    }
}
