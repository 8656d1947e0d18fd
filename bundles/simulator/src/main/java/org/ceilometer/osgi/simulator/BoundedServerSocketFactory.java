package org.ceilometer.osgi.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ServerSocketFactory;

/**
 * Bounds the HttpCore server's worker threads. The classic server runs one worker thread per
 * connection on an unbounded pool; this factory's server socket accepts a connection only while
 * fewer than {@code max} are open, so that the pool never grows past {@code max} threads. Further
 * clients wait in the listen backlog.
 */
final class BoundedServerSocketFactory extends ServerSocketFactory {
    private final Semaphore permits;

    BoundedServerSocketFactory(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("at least one connection: " + max);
        }
        this.permits = new Semaphore(max);
    }

    /** Connections that could still be accepted now. */
    int available() {
        return permits.availablePermits();
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new BoundedServerSocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        ServerSocket s = new BoundedServerSocket();
        s.bind(new java.net.InetSocketAddress(port));
        return s;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        ServerSocket s = new BoundedServerSocket();
        s.bind(new java.net.InetSocketAddress(port), backlog);
        return s;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        ServerSocket s = new BoundedServerSocket();
        s.bind(new java.net.InetSocketAddress(address, port), backlog);
        return s;
    }

    private final class BoundedServerSocket extends ServerSocket {
        BoundedServerSocket() throws IOException {
            super();
        }

        @Override
        public Socket accept() throws IOException {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SocketException("server stopping");
            }
            PermitSocket s = new PermitSocket();
            try {
                implAccept(s);
            } catch (IOException | RuntimeException e) {
                s.release();
                throw e;
            }
            return s;
        }
    }

    private final class PermitSocket extends Socket {
        private final AtomicBoolean released = new AtomicBoolean();

        void release() {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        }

        @Override
        public synchronized void close() throws IOException {
            try {
                super.close();
            } finally {
                release();
            }
        }
    }
}
