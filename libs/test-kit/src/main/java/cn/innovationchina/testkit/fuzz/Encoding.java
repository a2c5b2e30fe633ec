package cn.innovationchina.testkit.fuzz;

import java.nio.charset.StandardCharsets;

/** Percent-encoding of fuzzed path segments and query parts, so that every request is a valid URI. */
final class Encoding {

    private Encoding() {
    }

    /** Encodes all but the unreserved characters; text already percent-encoded (e.g. {@code %2e%2e}) goes raw. */
    static String pathSegment(String value) {
        return value.matches("(%[0-9a-fA-F]{2})+") ? value : encode(value);
    }

    static String query(String value) {
        return encode(value);
    }

    private static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
