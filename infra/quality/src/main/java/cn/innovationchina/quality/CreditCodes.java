package cn.innovationchina.quality;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import cn.innovationchina.reference.UnifiedSocialCreditCode;

/**
 * The set's credit codes made acceptable to the platform, one for one. The set's authors invented their Unified
 * Social Credit Codes and most fail the check character of GB 32100-2015, which enterprise registration verifies;
 * so each is given the right check character (and the letters the standard leaves out, I O S V Z, become 1 0 5 U 2).
 * The same set code always becomes the same platform code, and two set codes never become one, so an enterprise, the
 * affiliation of its own engineer and a provider's listed conflicts still name the same organisation.
 */
final class CreditCodes {

    private static final Map<Character, Character> LEFT_OUT = Map.of('I', '1', 'O', '0', 'S', '5', 'V', 'U', 'Z', '2');

    private final Map<String, String> valid = new HashMap<>();
    private final Set<String> taken = new HashSet<>();

    /** The platform code for a set code; the first call for a code decides it. */
    synchronized String valid(String setCode) {
        return valid.computeIfAbsent(setCode, this::assign);
    }

    private String assign(String setCode) {
        if (setCode.length() != 18) {
            throw new IllegalArgumentException("A credit code has 18 characters: " + setCode);
        }
        var first17 = new StringBuilder();
        for (char c : setCode.substring(0, 17).toCharArray()) {
            char upper = Character.toUpperCase(c);
            first17.append(LEFT_OUT.getOrDefault(upper, upper));
        }
        for (int i = 0; i < first17.length(); i++) {
            if (UnifiedSocialCreditCode.ALPHABET.indexOf(first17.charAt(i)) < 0) {
                throw new IllegalArgumentException("Not a credit code character at " + (i + 1) + ": " + setCode);
            }
        }
        String code = first17 + String.valueOf(UnifiedSocialCreditCode.checkCharacter(first17));
        // Two set codes differing only in their check character would collide: move the 17th character on.
        while (!taken.add(code)) {
            char next = UnifiedSocialCreditCode.ALPHABET.charAt((UnifiedSocialCreditCode.ALPHABET.indexOf(first17.charAt(16)) + 1) % UnifiedSocialCreditCode.ALPHABET.length());
            first17.setCharAt(16, next);
            code = first17 + String.valueOf(UnifiedSocialCreditCode.checkCharacter(first17));
        }
        return code;
    }

}
