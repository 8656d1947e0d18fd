package org.ceilometer.osgi.publishers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Lines appended to a file, rotated as Python's {@code logging.handlers.RotatingFileHandler} rotates:
 * before a line is written, when the file's size plus the line's would reach {@code maxBytes}, the
 * file becomes {@code path.1}, {@code path.1} becomes {@code path.2}, ... up to
 * {@code path.<backupCount>}, the oldest dropped, and a new file is started. A file that is still empty
 * is never rotated (Python 3.12's gh-116263), so a line longer than {@code maxBytes} is written whole.
 * With {@code maxBytes} or {@code backupCount} 0 the file only grows. Each line is flushed.
 */
final class RotatingFile implements AutoCloseable {
    private final Path path;
    private final long maxBytes;
    private final int backupCount;
    private OutputStream out;
    private long size;

    RotatingFile(Path path, long maxBytes, int backupCount) throws IOException {
        this.path = path;
        this.maxBytes = maxBytes;
        this.backupCount = backupCount;
        open();
    }

    private void open() throws IOException {
        out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        size = Files.size(path);
    }

    /** Writes one line (a newline is added). */
    synchronized void writeLine(String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        if (out == null) {
            open();
        }
        if (maxBytes > 0 && size > 0 && size + bytes.length >= maxBytes) {
            rollover();
        }
        out.write(bytes);
        out.flush();
        size += bytes.length;
    }

    private void rollover() throws IOException {
        out.close();
        out = null;
        if (backupCount > 0) {
            for (int i = backupCount - 1; i >= 1; i--) {
                Path src = backup(i);
                if (Files.exists(src)) {
                    Files.move(src, backup(i + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (Files.exists(path)) {
                Files.move(path, backup(1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        open();
    }

    private Path backup(int i) {
        return path.resolveSibling(path.getFileName() + "." + i);
    }

    Path path() {
        return path;
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }
}
