package org.ceilometer.osgi.systemtests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real ZooKeeper server ({@code ZooKeeperServerMain} of Maven Central's zookeeper jar, the jars copied by
 * maven-dependency-plugin into the directory named by {@value #LIB_PROPERTY}) run as its own process on a
 * free loopback port with its own data directory. It can be killed and started again on the same port and
 * data. When it cannot be started, the test fails, saying why.
 */
final class ZooKeeperServerProcess implements AutoCloseable {
    static final String LIB_PROPERTY = "zookeeper.server.lib";

    private final Path dir;
    private final Path config;
    private final Path log;
    private final String classpath;
    private final int port;
    private Process process;

    ZooKeeperServerProcess(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.classpath = readClasspath();
        this.port = Ports.free();
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
        String lib = System.getProperty(LIB_PROPERTY);
        if (lib == null) {
            fail("system property " + LIB_PROPERTY + " is not set: run this test through Maven"
                    + " (maven-dependency-plugin copies the ZooKeeper server's jars)");
        }
        Path dir = Paths.get(lib);
        if (!Files.isDirectory(dir)) {
            fail("the ZooKeeper server's jars are not at " + dir + " (maven-dependency-plugin copies them there)");
        }
        List<String> jars;
        try (Stream<Path> s = Files.list(dir)) {
            jars = s.filter(p -> p.toString().endsWith(".jar")).map(p -> p.toAbsolutePath().toString()).sorted()
                    .collect(Collectors.toList());
        }
        if (jars.stream().noneMatch(j -> Paths.get(j).getFileName().toString().startsWith("zookeeper-3."))) {
            fail("no zookeeper-3.*.jar in " + dir + ": " + jars);
        }
        return String.join(File.pathSeparator, jars);
    }

    int port() {
        return port;
    }

    /** The agents' {@code backend_url}. */
    String url(String chroot) {
        return "zookeeper://127.0.0.1:" + port + "/" + chroot;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Starts the server and waits until it serves requests; fails the test when it does not. */
    void start(Duration timeout) throws IOException {
        if (isAlive()) {
            throw new IllegalStateException("already running");
        }
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java,
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dzookeeper.admin.enableServer=false",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
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
        Processes.destroyOnExit(process);
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
        return Processes.tail(log, 40);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
