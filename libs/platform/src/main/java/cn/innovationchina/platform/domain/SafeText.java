package cn.innovationchina.platform.domain;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.platform.problem.InvalidInput;

/**
 * The one rule for what a text the platform takes may hold: no character that hides or disguises what it says (NUL
 * and the other C0 controls except tab, line feed and carriage return, DEL; the bidirectional embeddings, overrides
 * and isolates U+202A-U+202E and U+2066-U+2069). Request bodies and query parameters are held to it at the edge
 * ({@code RequestJson}, {@code QueryTextWebFilter}); a domain that builds a store query from a text holds it too, since
 * the store cannot even encode a NUL in a query. Plain Java, for domain code.
 */
public final class SafeText {

    private SafeText() {
    }

    /** Why the text may not be taken, or null when it may. */
    public static @Nullable String refusal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return "must not contain control characters (found U+" + hex(c) + ")";
            }
            if (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
                return "must not contain bidirectional override characters (found U+" + hex(c) + ")";
            }
        }
        return null;
    }

    /** Refuses, as a 400 naming {@code field}, a text that breaks the rule; null passes. */
    public static void require(String field, @Nullable String text) {
        String refusal = text == null ? null : refusal(text);
        if (refusal != null) {
            throw new InvalidInput(field, refusal);
        }
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
