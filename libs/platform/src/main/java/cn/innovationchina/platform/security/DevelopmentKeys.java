package cn.innovationchina.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The RSA key pair development tokens are signed with, as PEM files: the PKCS#8 private key ({@code dev-signing.pem})
 * and its public half beside it ({@code dev-signing.pub.pem}), which services trust through
 * {@code public-key-location}. The devstack creates it and the gateway's development issuer signs with it (ADR 0023);
 * plain JDK, so the devstack needs no Spring for it.
 */
public final class DevelopmentKeys {

    private DevelopmentKeys() {
    }

    /** Where the public half of a private key file lies: {@code <name>.pub.pem} beside it. */
    public static Path publicKeyFile(Path privateKeyPem) {
        return privateKeyPem.resolveSibling(privateKeyPem.getFileName().toString().replaceFirst("\\.pem$", "")
                + ".pub.pem");
    }

    /**
     * The pair in the file, created (2048 bits) when there is none; its public half is written beside it when
     * missing, so tokens signed before stay valid.
     */
    public static KeyPair loadOrCreate(Path privateKeyPem) {
        try {
            Path publicKeyPem = publicKeyFile(privateKeyPem);
            if (!Files.exists(privateKeyPem)) {
                if (privateKeyPem.getParent() != null) {
                    Files.createDirectories(privateKeyPem.getParent());
                }
                var generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                var pair = generator.generateKeyPair();
                Files.writeString(privateKeyPem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(publicKeyPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                return pair;
            }
            var privateKey = read(privateKeyPem);
            var publicKey = KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            if (!Files.exists(publicKeyPem)) {
                Files.writeString(publicKeyPem, pem("PUBLIC KEY", publicKey.getEncoded()));
            }
            return new KeyPair(publicKey, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the signing key " + privateKeyPem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PKCS#8 RSA private key in a PEM file. */
    public static RSAPrivateCrtKey read(Path privateKeyPem) {
        try {
            String body = Files.readString(privateKeyPem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the signing key " + privateKeyPem, e);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("Not an RSA PKCS#8 key: " + privateKeyPem, e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
