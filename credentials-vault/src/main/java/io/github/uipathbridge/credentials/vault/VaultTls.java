package io.github.uipathbridge.credentials.vault;

import io.github.uipathbridge.credentials.CredentialsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS context for Vault from PEM files: every certificate of the CA bundle is trusted (instead of the JDK
 * trust store), and a client certificate chain with its PKCS#8 key (RSA or EC) is offered for mutual TLS.
 *
 * <p>The client certificate path is not tested against a server that requires one, so a mistake there would first show
 * with a real mutual-TLS listener.
 *
 * <p>The driver's own PEM support trusts only the first certificate of a bundle and reads only RSA keys, so this
 * store builds the context itself and hands the driver a ready HTTP client.
 */
final class VaultTls {

    private static final char[] IN_MEMORY_PASSWORD = "in-memory".toCharArray();

    private VaultTls() {}

    /**
     * The context, or {@code null} for the JDK default (no CA file and no client certificate, or verification off).
     *
     * @throws CredentialsException with reason {@code CONFIGURATION} naming the file that cannot be used
     */
    static SSLContext sslContext(VaultOptions options) {
        if (!options.tlsVerify()
                || (options.caCertFile().isEmpty() && options.clientCertFile().isEmpty())) {
            return null;
        }
        try {
            TrustManagerFactory trust = null;
            if (options.caCertFile().isPresent()) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(trustStore(options.caCertFile().get()));
            }
            KeyManagerFactory keys = null;
            if (options.clientCertFile().isPresent()) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(
                        keyStore(
                                options.clientCertFile().get(),
                                options.clientKeyFile().orElseThrow()),
                        IN_MEMORY_PASSWORD);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(
                    keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new CredentialsException(
                    CredentialsException.Reason.CONFIGURATION,
                    "Vault TLS settings cannot be used: " + e.getClass().getSimpleName(),
                    e);
        }
    }

    static KeyStore trustStore(Path caFile) throws GeneralSecurityException {
        List<Certificate> certificates = certificates(caFile, "ca-cert");
        KeyStore store = emptyStore();
        for (int i = 0; i < certificates.size(); i++) {
            store.setCertificateEntry("ca-" + i, certificates.get(i));
        }
        return store;
    }

    private static KeyStore keyStore(Path certFile, Path keyFile) throws GeneralSecurityException {
        List<Certificate> chain = certificates(certFile, "client-cert");
        KeyStore store = emptyStore();
        store.setKeyEntry("client", privateKey(keyFile), IN_MEMORY_PASSWORD, chain.toArray(new Certificate[0]));
        return store;
    }

    private static List<Certificate> certificates(Path file, String key) throws GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(file)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw unreadable(key, file, e);
        }
        if (certificates.isEmpty()) {
            throw VaultOptions.configuration(
                    "Setting " + VaultOptions.PREFIX + key + ": file " + file + " holds no PEM certificate");
        }
        return new ArrayList<>(certificates);
    }

    private static PrivateKey privateKey(Path file) throws GeneralSecurityException {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw unreadable("client-key", file, e);
        }
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw VaultOptions.configuration("Setting " + VaultOptions.PREFIX + "client-key: file " + file
                    + " is not a PEM PKCS#8 key (BEGIN PRIVATE KEY); convert it with openssl pkcs8 -topk8 -nocrypt");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + 27, end));
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // try the next algorithm; the key's own is not written in PKCS#8 PEM in a form the JDK exposes
            }
        }
        throw VaultOptions.configuration("Setting " + VaultOptions.PREFIX + "client-key: file " + file
                + " holds a key that is not RSA, EC or Ed25519");
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot create an empty key store", e);
        }
        return store;
    }

    private static CredentialsException unreadable(String key, Path file, IOException e) {
        return new CredentialsException(
                CredentialsException.Reason.CONFIGURATION,
                "Setting " + VaultOptions.PREFIX + key + ": file " + file + " cannot be read ("
                        + e.getClass().getSimpleName() + ")",
                e);
    }
}
