package org.ceilometer.osgi.publishers;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.ceilometer.osgi.api.Publisher;
import org.ceilometer.osgi.api.Sample;
import org.ceilometer.osgi.api.signing.MeterMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code file:///path?max_bytes=N&backup_count=M}: Ceilometer's {@code FilePublisher}
 * ({@code ceilometer/publisher/file.py}, master with its {@code json} option): one JSON object per
 * line, {@code json.dumps(sample.as_dict())}, rotated as Python's {@code RotatingFileHandler}
 * ({@link RotatingFile}). As there, rotation needs both {@code max_bytes} and {@code backup_count};
 * with either missing the file only grows.
 *
 * <p>Options beyond Ceilometer's: {@code format=message} writes the signed meter message instead of
 * {@code as_dict()}. The {@code json} option is accepted and changes nothing (lines are always JSON).
 */
final class FilePublisher implements Publisher {
    private static final Logger LOG = LoggerFactory.getLogger(FilePublisher.class);

    private final RotatingFile file;
    private final boolean messages;
    private final String secret;

    FilePublisher(URI url, Map<String, Object> agentOptions) throws IOException {
        UrlOptions o = new UrlOptions("file", url);
        String host = url.getHost() != null ? url.getHost() : url.getRawAuthority();
        if (host != null && !host.isEmpty() && !host.equals("localhost")) {
            throw new IllegalArgumentException("file publisher: '" + url + "' names host '" + host
                    + "'; write an absolute path as file:///path");
        }
        String p = url.getPath();
        if (p == null || p.isEmpty() || p.equals("/")) {
            throw new IllegalArgumentException("file publisher: the path is required, as in file:///var/log/samples");
        }
        Path path = Paths.get(p);
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException("file publisher: path '" + p + "' is a directory");
        }
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("file publisher: the directory of path '" + p + "' does not exist");
        }
        long maxBytes = 0;
        int backupCount = 0;
        String mb = o.take("max_bytes");
        String bc = o.take("backup_count");
        if (mb != null && !mb.isEmpty() && bc != null && !bc.isEmpty()) {
            try {
                maxBytes = Long.parseLong(mb.trim());
            } catch (NumberFormatException e) {
                throw o.error("max_bytes", "must be a whole number, not '" + mb + "'");
            }
            try {
                backupCount = Integer.parseInt(bc.trim());
            } catch (NumberFormatException e) {
                throw o.error("backup_count", "must be a whole number, not '" + bc + "'");
            }
            if (maxBytes < 0) {
                throw o.error("max_bytes", "must not be negative");
            }
            if (backupCount < 0) {
                throw o.error("backup_count", "must not be negative");
            }
        } else if ((mb != null && !mb.isEmpty()) != (bc != null && !bc.isEmpty())) {
            LOG.warn("file publisher {}: rotation needs both max_bytes and backup_count; the file will only grow", p);
        }
        String format = o.take("format");
        if (format != null && !format.equals("dict") && !format.equals("message")) {
            throw o.error("format", "must be dict or message, not '" + format + "'");
        }
        this.messages = "message".equals(format);
        this.secret = UdpPublisher.secret(agentOptions);
        this.file = new RotatingFile(path, maxBytes, backupCount);
    }

    @Override
    public void publish(List<Sample> samples) throws IOException {
        for (Sample s : samples) {
            Map<String, Object> record = messages ? MeterMessages.toSignedMessage(s, secret) : SampleDicts.asDict(s);
            file.writeLine(PyJson.dumps(record));
        }
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (IOException e) {
            LOG.warn("file publisher {}: close failed: {}", file.path(), e.toString());
        }
    }
}
