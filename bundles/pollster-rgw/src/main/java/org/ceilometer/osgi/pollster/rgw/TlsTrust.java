package org.ceilometer.osgi.pollster.rgw;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.ceilometer.osgi.api.openstack.OpenStackException;

/** SSL contexts for {@code [rgw_client]}: the system's, a PEM {@code cafile}'s, or none ({@code insecure}). */
final class TlsTrust {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");

    private TlsTrust() {}

    static SSLContext system() throws OpenStackException {
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new OpenStackException("no default TLS context: " + e.getMessage(), e);
        }
    }

    /** Trusts exactly the certificates of a PEM file. */
    static SSLContext trusting(String cafile) throws OpenStackException {
        List<X509Certificate> certs;
        try {
            certs = readPem(Files.readString(Paths.get(cafile), StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            throw new OpenStackException("[rgw_client] cafile " + cafile + " cannot be read ("
                    + e.getClass().getSimpleName() + ")", e);
        } catch (CertificateException e) {
            throw new OpenStackException("[rgw_client] cafile " + cafile + " holds a certificate that cannot be "
                    + "parsed: " + e.getMessage(), e);
        }
        if (certs.isEmpty()) {
            throw new OpenStackException("[rgw_client] cafile " + cafile + " holds no PEM certificate", -1);
        }
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            for (int i = 0; i < certs.size(); i++) {
                ks.setCertificateEntry("ca-" + i, certs.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new OpenStackException("[rgw_client] cafile " + cafile + ": cannot build a trust store: "
                    + e.getMessage(), e);
        }
    }

    static List<X509Certificate> readPem(String text) throws CertificateException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(1).replaceAll("\\s", ""));
            out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
        }
        return out;
    }

    /** Trusts any certificate and checks no host name: {@code insecure=true}. */
    static SSLContext trustingAll() throws OpenStackException {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new OpenStackException("cannot build an insecure TLS context: " + e.getMessage(), e);
        }
    }

    /** An extended trust manager, so that the JDK adds no host name check of its own. */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
