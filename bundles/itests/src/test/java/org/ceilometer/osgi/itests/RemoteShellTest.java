package org.ceilometer.osgi.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.ConfigurationAdmin;

/** The loopback telnet shell of a daemon: off by default, on from PID ceilometer.shell, loopback only. */
class RemoteShellTest {

    private static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void theTelnetShellOpensFromConfigurationOnLoopbackOnlyAndAnswersCommands() throws Exception {
        int port = ConfigEditTest.freePort();
        assertTrue(!listening(port));
        Itest.configure("ceilometer.shell", Map.of("telnet_port", port));
        Itest.await("the telnet shell listening", 15_000, () -> listening(port));
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(500);
            OutputStream out = s.getOutputStream();
            out.write("ceilometer:sources\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder seen = new StringBuilder();
            long deadline = System.currentTimeMillis() + 10_000;
            byte[] buf = new byte[4096];
            while (!seen.toString().contains("INTERVAL") && System.currentTimeMillis() < deadline) {
                try {
                    int n = in.read(buf);
                    if (n < 0) {
                        break;
                    }
                    seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                } catch (java.net.SocketTimeoutException e) {
                    // keep reading until the deadline
                }
            }
            assertTrue(seen.toString().contains("INTERVAL"), "the shell answered: " + seen);
        }
        // a non-loopback address is refused: the shell closes and stays closed
        Itest.configure("ceilometer.shell", Map.of("telnet_port", port, "telnet_address", "0.0.0.0"));
        Itest.await("the telnet shell closed", 15_000, () -> !listening(port));
        long until = System.currentTimeMillis() + 3000;
        while (System.currentTimeMillis() < until) {
            assertTrue(!listening(port), "no shell on a non-loopback address");
            synchronized (this) {
                wait(100);
            }
        }
        Itest.service(ConfigurationAdmin.class).getConfiguration("ceilometer.shell", "?").delete();
        assertTrue(!listening(port));
    }
}
