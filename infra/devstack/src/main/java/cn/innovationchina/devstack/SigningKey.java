package cn.innovationchina.devstack;

import java.nio.file.Path;

import cn.innovationchina.platform.security.DevelopmentKeys;

/** The key pair the devstack signs development tokens with; services trust its public half. */
final class SigningKey {

    private static final String PRIVATE_KEY = "dev-signing.pem";

    private SigningKey() {
    }

    /** The private key file under the data folder's {@code keys/}. */
    static Path privateKey(Path data) {
        return data.resolve("keys").resolve(PRIVATE_KEY);
    }

    /** Creates the pair unless it is there (and the public half unless that is); answers the public half's file. */
    static Path ensure(Path data) {
        Path privateKey = privateKey(data);
        DevelopmentKeys.loadOrCreate(privateKey);
        return DevelopmentKeys.publicKeyFile(privateKey);
    }
}
