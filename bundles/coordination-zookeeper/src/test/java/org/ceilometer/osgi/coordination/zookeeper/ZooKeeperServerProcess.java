package org.ceilometer.osgi.coordination.zookeeper;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A real ZooKeeper server ({@code ZooKeeperServerMain} of Maven Central's zookeeper jar) run as its own
 * process on a free loopback port, with its own data directory. It can be killed and started again on
 * the same port and data. When it cannot be started, the test fails, saying why.
 */
final class ZooKeeperServerProcess implements AutoCloseable {
    static final String CLASSPATH_FILE_PROPERTY = "zookeeper.server.classpath.file";

    private final Path dir;
    private final Path config;
    private final Path log;
    private final String classpath;
    private final int port;
    private Process process;

    ZooKeeperServerProcess(Path dir) throws IOException {
        this.dir = dir;
        this.classpath = readClasspath();
        this.port = freePort();
        Path data = Files.createDirectories(dir.resolve("data"));
        this.config = dir.resolve("zoo.cfg");
        this.log = dir.resolve("zookeeper.log");
        Files.writeString(config, String.join("\n",
                "tickTime=500",
                "dataDir=" + data.toAbsolutePath(),
                "clientPort=" + port,
                "clientPortAddress=127.0.0.1",
                "maxClientCnxns=0",
                "minSessionTimeout=1000",
                "maxSessionTimeout=20000",
                "admin.enableServer=false",
                "4lw.commands.whitelist=srvr",
                ""));
    }

    private static String readClasspath() throws IOException {
        String file = System.getProperty(CLASSPATH_FILE_PROPERTY);
        if (file == null) {
            fail("system property " + CLASSPATH_FILE_PROPERTY + " is not set: run this test through Maven"
                    + " (maven-dependency-plugin build-classpath writes the ZooKeeper server's classpath)");
        }
        Path path = Paths.get(file);
        if (!Files.isRegularFile(path)) {
            fail("the ZooKeeper server classpath file " + path + " does not exist");
        }
        String cp = Files.readString(path).trim();
        if (!cp.contains("zookeeper-3.")) {
            fail("the classpath in " + path + " has no zookeeper jar: " + cp);
        }
        return cp;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    String url(String chroot) {
        return "zookeeper://127.0.0.1:" + port + "/" + chroot;
    }

    /** Starts the server and waits until it serves requests; fails the test when it does not. */
    void start(Duration timeout) throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java,
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dzookeeper.admin.enableServer=false",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-cp", classpath,
                "org.apache.zookeeper.server.ZooKeeperServerMain", config.toAbsolutePath().toString()));
        pb.directory(dir.toFile());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            process = pb.start();
        } catch (IOException e) {
            fail("cannot start the ZooKeeper server process (" + java + "): " + e);
        }
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly)); // never outlive the tests
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("the ZooKeeper server exited with " + process.exitValue() + ":\n" + logTail());
            }
            if (serving()) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        process.destroyForcibly();
        fail("the ZooKeeper server did not answer on 127.0.0.1:" + port + " within " + timeout + ":\n" + logTail());
    }

    /** Kills the server (SIGKILL: no goodbye to its clients) and waits for the process to end. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                fail("the ZooKeeper server process did not end");
            }
        }
    }

    /** Whether the server serves requests: {@code srvr} names its mode (not "not currently serving"). */
    boolean serving() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("srvr".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).contains("Mode: standalone");
        } catch (IOException e) {
            return false;
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
