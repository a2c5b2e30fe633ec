package cn.innovationchina.demand.domain;

import java.util.Locale;

import cn.innovationchina.platform.problem.InvalidInput;
import cn.innovationchina.reference.UnifiedSocialCreditCode;

/**
 * A Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character alphabet
 * (digits and capitals without I, O, Z, S, V), the last being a check character computed from the first 17.
 */
public record CreditCode(String value) {

    private static final int LENGTH = 18;

    public CreditCode {
        if (value == null || value.length() != LENGTH) {
            throw new InvalidInput("creditCode", "must be 18 characters");
        }
        for (int i = 0; i < LENGTH; i++) {
            if (UnifiedSocialCreditCode.ALPHABET.indexOf(value.charAt(i)) < 0) {
                throw new InvalidInput("creditCode", "character " + (i + 1) + " is not allowed in a credit code");
            }
        }
        if (value.charAt(LENGTH - 1) != UnifiedSocialCreditCode.checkCharacter(value.substring(0, LENGTH - 1))) {
            throw new InvalidInput("creditCode", "check character does not match (GB 32100-2015)");
        }
    }

    /** Client input may be lower case or padded; the code itself is upper case. */
    public static CreditCode parse(String input) {
        return new CreditCode(input == null ? null : input.strip().toUpperCase(Locale.ROOT));
    }

}
