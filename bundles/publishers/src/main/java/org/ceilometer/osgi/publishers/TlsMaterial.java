package org.ceilometer.osgi.publishers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS settings of the HTTP publisher from PEM files, as Python's requests takes them:
 * {@code verify} (true: the JVM's trusted CAs; false: trust anything; a path: the CA certificates of
 * that PEM file) and {@code cert} (a PEM certificate chain, with its key in the same file or in
 * {@code clientkey}). Keys: unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}, RSA, EC, EdDSA) or PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}).
 */
final class TlsMaterial {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+?)-----END \\1-----");
    /** DER of AlgorithmIdentifier { rsaEncryption, NULL }. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private TlsMaterial() {}

    /**
     * @param caFile null for the JVM's default trust, or a PEM file of trusted certificates
     * @param trustAll trust every server certificate (then host names are not checked either)
     * @param certFile null, or the client's PEM certificate (chain)
     * @param keyFile null when the key is in {@code certFile}
     * @throws IllegalArgumentException naming the option whose file is wrong
     */
    static SSLContext context(String caFile, boolean trustAll, String certFile, String keyFile) {
        TrustManager[] trust;
        try {
            if (trustAll) {
                trust = new TrustManager[] {new TrustAll()};
            } else {
                KeyStore ks = null;
                if (caFile != null) {
                    List<X509Certificate> cas = certificates(read("verify_ssl", caFile), "verify_ssl", caFile);
                    ks = KeyStore.getInstance("PKCS12");
                    ks.load(null, null);
                    int i = 0;
                    for (X509Certificate c : cas) {
                        ks.setCertificateEntry("ca-" + i++, c);
                    }
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(ks);
                trust = tmf.getTrustManagers();
            }
            KeyManager[] keys = null;
            if (certFile != null) {
                String certText = read("clientcert", certFile);
                List<X509Certificate> chain = certificates(certText, "clientcert", certFile);
                String keyText = keyFile != null ? read("clientkey", keyFile) : certText;
                PrivateKey key = privateKey(keyText, keyFile != null ? "clientkey" : "clientcert");
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                char[] pw = new char[0];
                ks.setKeyEntry("client", key, pw, chain.toArray(new Certificate[0]));
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, pw);
                keys = kmf.getKeyManagers();
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keys, trust, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("http publisher: cannot set up TLS: " + e.getClass().getSimpleName()
                    + ": " + e.getMessage());
        }
    }

    private static String read(String option, String file) {
        Path p = Paths.get(file);
        try {
            return Files.readString(p, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("http publisher: option '" + option + "': cannot read " + file
                    + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static List<X509Certificate> certificates(String pem, String option, String file)
            throws GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            if (m.group(1).equals("CERTIFICATE")) {
                out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der(m.group(2)))));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("http publisher: option '" + option + "': " + file
                    + " holds no PEM certificate");
        }
        return out;
    }

    private static byte[] der(String base64) {
        return Base64.getMimeDecoder().decode(base64.replaceAll("\\s", ""));
    }

    static PrivateKey privateKey(String pem, String option) throws GeneralSecurityException {
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            String type = m.group(1);
            if (type.equals("PRIVATE KEY")) {
                return pkcs8(der(m.group(2)), option);
            }
            if (type.equals("RSA PRIVATE KEY")) {
                return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(rsaToPkcs8(der(m.group(2)))));
            }
            if (type.equals("ENCRYPTED PRIVATE KEY") || type.equals("EC PRIVATE KEY")) {
                throw new IllegalArgumentException("http publisher: option '" + option + "' holds a " + type
                        + "; convert it to an unencrypted PKCS#8 key (openssl pkcs8 -topk8 -nocrypt)");
            }
        }
        throw new IllegalArgumentException("http publisher: option '" + option + "' holds no PEM private key");
    }

    private static PrivateKey pkcs8(byte[] der, String option) {
        for (String alg : new String[] {"RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS", "DSA"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException | RuntimeException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("http publisher: option '" + option + "': the key's algorithm is not supported");
    }

    /** PrivateKeyInfo { version 0, rsaEncryption, OCTET STRING { the PKCS#1 key } }. */
    private static byte[] rsaToPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0x02);
        body.write(0x01);
        body.write(0x00);
        body.write(RSA_ALGORITHM, 0, RSA_ALGORITHM.length);
        body.write(0x04);
        writeLength(body, pkcs1.length);
        body.write(pkcs1, 0, pkcs1.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        writeLength(out, body.size());
        byte[] b = body.toByteArray();
        out.write(b, 0, b.length);
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int len) {
        if (len < 0x80) {
            out.write(len);
        } else if (len <= 0xff) {
            out.write(0x81);
            out.write(len);
        } else if (len <= 0xffff) {
            out.write(0x82);
            out.write(len >> 8);
            out.write(len & 0xff);
        } else {
            out.write(0x83);
            out.write(len >> 16);
            out.write((len >> 8) & 0xff);
            out.write(len & 0xff);
        }
    }

    /** {@code verify_ssl=false}. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // trusts everything, by configuration
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // trusts everything, by configuration
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
