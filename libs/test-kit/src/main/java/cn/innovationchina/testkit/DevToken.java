package cn.innovationchina.testkit;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code devstack token ROLE [--org ID] [--provider ID] [--city CODE] [--sub NAME]}: prints a development JWT
 * signed with the devstack's key, which every service of the devstack trusts.
 */
public final class DevToken {

    private DevToken() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: DevToken PRIVATE_KEY_PEM ROLE [--org ID] [--provider ID] [--city CODE] [--sub NAME]");
            System.exit(2);
        }
        Path key = Path.of(args[0]);
        String role = args[1].toUpperCase();
        Map<String, String> claims = new HashMap<>();
        String subject = "demo-" + role.toLowerCase().replace('_', '-');
        for (int i = 2; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--org" -> claims.put("organisationId", args[i + 1]);
                case "--provider" -> claims.put("providerId", args[i + 1]);
                case "--city" -> claims.put("cityCode", args[i + 1]);
                case "--sub" -> subject = args[i + 1];
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        System.out.println(Tokens.signedWith(key).mint(role, subject, claims));
    }
}
