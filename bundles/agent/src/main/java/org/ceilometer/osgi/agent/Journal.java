package org.ceilometer.osgi.agent;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ceilometer.osgi.api.Sample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only journal of samples in one directory: segment files of JSON lines
 * ({@code <sequence>.seg}), read from the head in order, each with an {@code .ack} file holding how
 * far it has been delivered. A fully delivered segment is deleted. What was never acknowledged is
 * read again after a restart, so delivery is at least once.
 *
 * <p>Appends are not synced one by one (the page cache outlives the agent's process); segments are
 * synced when they are closed and when the journal is closed. A torn last line is cut off at open.
 * Not thread-safe beyond its own monitor: every method is synchronized.
 */
final class Journal implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    static final long SEGMENT_BYTES = 8L << 20;
    private static final long FIRST_SEQUENCE = 1_000_000_000_000L;
    private static final String SUFFIX = ".seg";

    /** Records read from the head segment and not yet acknowledged. */
    record Chunk(long sequence, long start, long end, List<Sample> samples, int records) {}

    private static final class Segment {
        final long sequence;
        final Path file;
        long size;
        long acked;
        long records;

        Segment(long sequence, Path file) {
            this.sequence = sequence;
            this.file = file;
        }
    }

    private final Path dir;
    private final long maxBytes;
    private final long segmentBytes;
    private final TreeMap<Long, Segment> segments = new TreeMap<>();
    private FileChannel writer;
    private Segment writing;
    private long records;
    private long bytes;
    private long corrupt;
    private boolean closed;

    /**
     * Opens (creating) the journal in {@code dir}, counting what earlier runs left there.
     *
     * @param maxBytes the most undelivered bytes it holds; appends beyond are refused
     */
    Journal(Path dir, long maxBytes) throws IOException {
        this(dir, maxBytes, SEGMENT_BYTES);
    }

    /** @param segmentBytes the size past which appends go to a new segment */
    Journal(Path dir, long maxBytes, long segmentBytes) throws IOException {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
        Files.createDirectories(dir);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                try {
                    long seq = Long.parseLong(n.substring(0, n.length() - SUFFIX.length()));
                    segments.put(seq, new Segment(seq, f));
                } catch (NumberFormatException e) {
                    LOG.warn("journal: {} is not a journal segment and is left alone", f);
                }
            }
        }
        for (Segment s : new ArrayList<>(segments.values())) {
            s.size = Files.size(s.file);
            s.acked = Math.min(readAck(s), s.size);
            if (s == segments.lastEntry().getValue()) {
                cutTornTail(s);
            }
            s.records = countLines(s);
            if (s.acked >= s.size) {
                delete(s);
                continue;
            }
            records += s.records;
            bytes += s.size - s.acked;
        }
        if (records > 0) {
            LOG.info("journal: {} undelivered samples ({} bytes) found in {}", records, bytes, dir);
        }
    }

    Path dir() {
        return dir;
    }

    /** Samples appended and not yet acknowledged. */
    synchronized long records() {
        return records;
    }

    synchronized long bytes() {
        return bytes;
    }

    /** Lines that could not be read back (skipped). */
    synchronized long corrupt() {
        return corrupt;
    }

    /**
     * Appends samples in order after everything already here.
     *
     * @return how many were written; fewer than given when the journal is full or a sample cannot be
     *     encoded (the caller counts the rest as dropped)
     */
    synchronized int append(List<Sample> samples) throws IOException {
        ensureOpen();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int written = 0;
        int lines = 0;
        for (Sample s : samples) {
            byte[] line;
            try {
                line = (SampleCodec.encode(s) + "\n").getBytes(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                LOG.warn("journal: {}", e.getMessage());
                continue;
            }
            if (bytes + out.size() + line.length > maxBytes) {
                break;
            }
            out.write(line);
            lines++;
            written++;
        }
        if (out.size() == 0) {
            return written;
        }
        if (writer == null || writing.size >= segmentBytes) {
            roll();
        }
        ByteBuffer buf = ByteBuffer.wrap(out.toByteArray());
        while (buf.hasRemaining()) {
            writer.write(buf);
        }
        writing.size += out.size();
        writing.records += lines;
        records += lines;
        bytes += out.size();
        return written;
    }

    /**
     * Writes samples in front of everything here (what was still in memory when the agent stops,
     * older than the journal's content). Not limited by the journal's size.
     */
    synchronized void prepend(List<Sample> samples) throws IOException {
        ensureOpen();
        if (samples.isEmpty()) {
            return;
        }
        long seq = segments.isEmpty() ? FIRST_SEQUENCE : segments.firstKey() - 1;
        Segment s = new Segment(seq, dir.resolve(name(seq)));
        Path tmp = dir.resolve(name(seq) + ".tmp");
        long lines = 0;
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (Sample sample : samples) {
                byte[] line;
                try {
                    line = (SampleCodec.encode(sample) + "\n").getBytes(StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    LOG.warn("journal: {}", e.getMessage());
                    continue;
                }
                ByteBuffer buf = ByteBuffer.wrap(line);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                lines++;
            }
            ch.force(true);
            s.size = ch.size();
        }
        move(tmp, s.file);
        s.records = lines;
        segments.put(seq, s);
        records += lines;
        bytes += s.size;
    }

    /** Up to {@code max} records from the head, in order, or null when the journal is empty. */
    synchronized Chunk read(int max) throws IOException {
        ensureOpen();
        while (!segments.isEmpty()) {
            Segment s = segments.firstEntry().getValue();
            if (s.acked >= s.size) {
                if (s == writing) {
                    return null;
                }
                delete(s);
                continue;
            }
            List<Sample> out = new ArrayList<>();
            int lines = 0;
            long pos = s.acked;
            int window = 1 << 20;
            try (FileChannel ch = FileChannel.open(s.file, StandardOpenOption.READ)) {
                while (lines < max && pos < s.size) {
                    int want = (int) Math.min(window, s.size - pos);
                    ByteBuffer buf = ByteBuffer.allocate(want);
                    while (buf.hasRemaining() && ch.read(buf, pos + buf.position()) > 0) {
                        // fill the window
                    }
                    byte[] data = buf.array();
                    int n = buf.position();
                    int start = 0;
                    for (int i = 0; i < n && lines < max; i++) {
                        if (data[i] == '\n') {
                            String line = new String(data, start, i - start, StandardCharsets.UTF_8);
                            lines++;
                            try {
                                out.add(SampleCodec.decode(line));
                            } catch (IllegalArgumentException e) {
                                corrupt++;
                                LOG.warn("journal: {}: the record at byte {} cannot be read and is skipped: {}",
                                        s.file, pos + start, e.getMessage());
                            }
                            start = i + 1;
                        }
                    }
                    if (start == 0) {
                        if (pos + n < s.size) {
                            window *= 2; // a line longer than the window
                            continue;
                        }
                        // an unterminated end (never written so by this class): skipped
                        corrupt++;
                        LOG.warn("journal: {}: {} bytes without an end of line at its end are skipped", s.file, n);
                        start = n;
                    }
                    pos += start;
                }
            }
            if (pos == s.acked) {
                return null;
            }
            return new Chunk(s.sequence, s.acked, pos, out, lines);
        }
        return null;
    }

    /** Marks a chunk delivered; a segment read to its end is deleted. */
    synchronized void ack(Chunk c) throws IOException {
        ensureOpen();
        Segment s = segments.get(c.sequence());
        if (s == null || s.acked != c.start()) {
            return;
        }
        s.acked = c.end();
        s.records -= c.records();
        records -= c.records();
        bytes -= c.end() - c.start();
        if (s.acked >= s.size) {
            if (s == writing) {
                closeWriter();
            }
            delete(s);
        } else {
            writeAck(s);
        }
    }

    /** Syncs and closes the segment being written. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            closeWriter();
        } catch (IOException e) {
            LOG.warn("journal: closing {} failed: {}", dir, e.toString());
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the journal in " + dir + " is closed");
        }
    }

    private void roll() throws IOException {
        closeWriter();
        long seq = segments.isEmpty() ? FIRST_SEQUENCE : segments.lastKey() + 1;
        Segment s = new Segment(seq, dir.resolve(name(seq)));
        writer = FileChannel.open(s.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        s.size = writer.size();
        segments.put(seq, s);
        writing = s;
    }

    private void closeWriter() throws IOException {
        if (writer != null) {
            try {
                writer.force(true);
            } finally {
                writer.close();
                writer = null;
                writing = null;
            }
        }
    }

    private void delete(Segment s) throws IOException {
        segments.remove(s.sequence);
        Files.deleteIfExists(s.file);
        Files.deleteIfExists(ackFile(s));
    }

    private Path ackFile(Segment s) {
        return dir.resolve(name(s.sequence) + ".ack");
    }

    private long readAck(Segment s) {
        Path f = ackFile(s);
        try {
            if (!Files.exists(f)) {
                return 0;
            }
            return Long.parseLong(Files.readString(f, StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            LOG.warn("journal: {} is unreadable; {} is replayed from its start", f, s.file);
            return 0;
        }
    }

    private void writeAck(Segment s) throws IOException {
        Path f = ackFile(s);
        Path tmp = dir.resolve(f.getFileName() + ".tmp");
        Files.writeString(tmp, Long.toString(s.acked), StandardCharsets.US_ASCII);
        move(tmp, f);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Cuts an unterminated last line: a write that the end of the process interrupted. */
    private void cutTornTail(Segment s) throws IOException {
        if (s.size == 0) {
            return;
        }
        try (FileChannel ch = FileChannel.open(s.file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long pos = s.size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (pos > s.acked) {
                one.clear();
                ch.read(one, pos - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                pos--;
            }
            if (pos < s.size) {
                LOG.warn("journal: {}: an incomplete last record ({} bytes) is cut off", s.file, s.size - pos);
                corrupt++;
                ch.truncate(pos);
                s.size = pos;
            }
        }
    }

    private static long countLines(Segment s) throws IOException {
        long n = 0;
        try (FileChannel ch = FileChannel.open(s.file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            long pos = s.acked;
            int r;
            while ((r = ch.read(buf, pos)) > 0) {
                for (int i = 0; i < r; i++) {
                    if (buf.get(i) == '\n') {
                        n++;
                    }
                }
                pos += r;
                buf.clear();
            }
        }
        return n;
    }

    private static String name(long seq) {
        return String.format("%019d", seq) + SUFFIX;
    }

    /** What the journal holds, for the shell. */
    synchronized Map<String, Object> describe() {
        return Map.of("records", records, "bytes", bytes, "segments", segments.size());
    }
}
