package cn.innovationchina.reference;

/**
 * The national standard of the Unified Social Credit Code (统一社会信用代码, GB 32100-2015) that every enterprise and
 * organisation carries: 18 characters from a 31-character alphabet, the last a check character of the first 17.
 */
public final class UnifiedSocialCreditCode {

    /** Digits and capitals without I, O, S, V and Z. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private UnifiedSocialCreditCode() {
    }

    /** The weights are 3^i mod 31; the check character makes the weighted sum a multiple of 31. */
    public static char checkCharacter(CharSequence first17) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < first17.length(); i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
