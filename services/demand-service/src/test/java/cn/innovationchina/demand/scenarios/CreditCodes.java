package cn.innovationchina.demand.scenarios;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh, valid credit codes for scenarios (each registers once). Computed here independently of the service's
 * implementation, as an oracle: GB 32100-2015 weights 3^i mod 31 over a 31-character alphabet.
 */
final class CreditCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private CreditCodes() {
    }

    /** A company (91) registered in Xianning (421200) with a random organisation code. */
    static String fresh() {
        var code = new StringBuilder("91421200");
        for (int i = 0; i < 9; i++) {
            code.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * weights[i];
        }
        return code.append(ALPHABET.charAt((31 - sum % 31) % 31)).toString();
    }
}
