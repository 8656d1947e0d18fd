package org.ceilometer.osgi.openstack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.ceilometer.osgi.api.openstack.OpenStackException;

/** SSL contexts for {@code cafile} (a PEM bundle) and for {@code insecure}. */
final class TlsContexts {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");

    private TlsContexts() {}

    /** Trusts exactly the certificates of a PEM file (one or more; text between them is ignored). */
    static SSLContext trusting(String cafile) throws OpenStackException {
        Path path = Paths.get(cafile);
        List<X509Certificate> certs;
        try {
            certs = readPem(Files.readString(path, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new OpenStackException("cafile " + cafile + " cannot be read (" + e.getClass().getSimpleName()
                    + ")", e);
        } catch (CertificateException | IllegalArgumentException e) {
            throw new OpenStackException("cafile " + cafile + " holds a certificate that cannot be parsed: "
                    + e.getMessage(), e);
        }
        if (certs.isEmpty()) {
            throw new OpenStackException("cafile " + cafile + " holds no PEM certificate", -1);
        }
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (X509Certificate c : certs) {
                ks.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new OpenStackException("cafile " + cafile + ": cannot build a trust store: " + e.getMessage(), e);
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

    /** Trusts any certificate: {@code insecure=true}. */
    static SSLContext trustingAll() throws OpenStackException {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new OpenStackException("cannot build an insecure TLS context: " + e.getMessage(), e);
        }
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
