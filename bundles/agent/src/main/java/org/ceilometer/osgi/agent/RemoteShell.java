package org.ceilometer.osgi.agent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remote shell of a running daemon: Gogo's telnetd, on a loopback address only (it has no
 * authentication). Off unless PID {@code ceilometer.shell} sets {@code telnet_port}.
 */
@Component(configurationPid = "ceilometer.shell", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RemoteShell.Config.class)
public final class RemoteShell {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteShell.class);

    @ObjectClassDefinition(name = "Ceilometer remote shell")
    public @interface Config {
        @AttributeDefinition(description = "TCP port of the telnet shell; 0 keeps it off")
        int telnet__port() default 0;

        @AttributeDefinition(description = "Address to listen on; must be a loopback address")
        String telnet__address() default "127.0.0.1";
    }

    private final CommandSession session;

    @Activate
    public RemoteShell(@Reference CommandProcessor processor, Config config) throws Exception {
        if (config.telnet__port() <= 0) {
            session = null;
            return;
        }
        InetAddress address = InetAddress.getByName(config.telnet__address());
        if (!address.isLoopbackAddress()) {
            LOG.error("shell: telnet_address {} is not a loopback address; the remote shell stays off "
                    + "(it has no authentication)", config.telnet__address());
            session = null;
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        session = processor.createSession(new ByteArrayInputStream(new byte[0]), ps, ps);
        session.execute("telnetd -i " + address.getHostAddress() + " -p " + config.telnet__port() + " start");
        LOG.info("shell: remote shell on {}:{}", address.getHostAddress(), config.telnet__port());
    }

    @Deactivate
    void deactivate() {
        if (session != null) {
            try {
                session.execute("telnetd stop");
            } catch (Exception e) {
                LOG.debug("shell: stopping telnetd failed", e);
            }
            session.close();
        }
    }
}
