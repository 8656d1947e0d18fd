package org.ceilometer.osgi.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A client of Gogo's telnet shell (which echoes nothing and answers each line, then prints the prompt
 * {@code g! }). A command is sent with an {@code echo} of a unique marker after it; its output is what
 * comes before the marker.
 */
final class GogoShell implements AutoCloseable {
    private static final String PROMPT = "g! ";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private int marker;

    private GogoShell(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects and reads the banner up to the first prompt. */
    static GogoShell connect(int port, Duration timeout) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            GogoShell shell = new GogoShell(s);
            shell.readUntil(PROMPT, timeout);
            return shell;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Runs one command and returns its output (the shell's printing of the result), prompts removed. */
    synchronized String execute(String command, Duration timeout) throws IOException {
        if (command.indexOf('\n') >= 0 || command.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("one line only");
        }
        String end = "__systemtests_end_" + (++marker) + "__";
        out.write((command + "\r\necho " + end + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        String text = readUntil(end + "\n", timeout);
        // what the command printed, then the prompt that the echo command followed
        String output = text.substring(0, text.length() - (end + "\n").length());
        if (output.endsWith(PROMPT)) {
            output = output.substring(0, output.length() - PROMPT.length());
        }
        readUntil(PROMPT, timeout); // the prompt after the echo
        return output.replace("\r", "");
    }

    /** Reads until {@code end} has arrived; returns everything up to and including it. */
    private String readUntil(String end, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buf = new byte[8192];
        while (true) {
            String text = pending.toString(StandardCharsets.UTF_8);
            int at = text.replace("\r", "").indexOf(end);
            if (at >= 0) {
                String clean = text.replace("\r", "");
                String head = clean.substring(0, at + end.length());
                String rest = clean.substring(at + end.length());
                pending.reset();
                pending.write(rest.getBytes(StandardCharsets.UTF_8));
                return head;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("no '" + end.trim() + "' from the shell within " + timeout
                        + "; received: " + text);
            }
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
            int n;
            try {
                n = in.read(buf);
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (n < 0) {
                throw new IOException("the shell closed the connection; received: " + text);
            }
            pending.write(buf, 0, n);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
