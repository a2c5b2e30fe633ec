package cn.innovationchina.gateway.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** A private key nobody trusts: what a forged token is signed with. */
final class ForeignKey {

    private static Path file;

    private ForeignKey() {
    }

    static synchronized Path privateKeyFile() {
        if (file == null) {
            try {
                var generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                file = Files.createTempFile("foreign-", ".pem");
                file.toFile().deleteOnExit();
                Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64,
                        "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(generator.generateKeyPair()
                        .getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return file;
    }
}
