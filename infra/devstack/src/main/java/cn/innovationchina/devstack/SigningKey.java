package cn.innovationchina.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The key pair the devstack signs development tokens with; services trust its public half. */
final class SigningKey {

    static final String PRIVATE_KEY = "dev-signing.pem";

    private SigningKey() {
    }

    /** Creates the pair under {@code keys/} unless both halves are there; answers the public half. */
    static Path ensure(Path data) throws NoSuchAlgorithmException, IOException {
        Path keys = data.resolve("keys");
        Path privateKey = keys.resolve(PRIVATE_KEY);
        Path publicKey = keys.resolve("dev-signing.pub.pem");
        if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
            Files.createDirectories(keys);
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        }
        return publicKey;
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
