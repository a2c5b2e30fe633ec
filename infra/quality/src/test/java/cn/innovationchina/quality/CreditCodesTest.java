package cn.innovationchina.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.innovationchina.reference.UnifiedSocialCreditCode;

class CreditCodesTest {

    private final CreditCodes codes = new CreditCodes();

    @Test
    void an_invented_code_gets_the_check_character_of_gb_32100() {
        String valid = codes.valid("91421200MA49K3T62A");

        assertThat(valid).startsWith("91421200MA49K3T62");
        assertThat(valid.charAt(17)).isEqualTo(UnifiedSocialCreditCode.checkCharacter(valid.substring(0, 17)));
    }

    @Test
    void a_code_that_is_already_valid_stays_as_it_is() {
        String valid = codes.valid("91421200MA49K3T62A");

        assertThat(new CreditCodes().valid(valid)).isEqualTo(valid);
    }

    @Test
    void letters_the_standard_leaves_out_become_their_look_alike_digits() {
        assertThat(codes.valid("91510100MA6D7KT03S")).startsWith("91510100MA6D7KT03");
        assertThat(codes.valid("12100000450802233Z").substring(0, 17)).isEqualTo("12100000450802233");
        assertThat(codes.valid("91510400MA63K9VH1F").substring(0, 17)).isEqualTo("91510400MA63K9UH1");
    }

    @Test
    void the_same_code_is_always_the_same_and_two_codes_never_become_one() {
        String first = codes.valid("91421200MA49K3T62A");
        String second = codes.valid("91421200MA49K3T62B");

        assertThat(codes.valid("91421200MA49K3T62A")).isEqualTo(first);
        assertThat(second).isNotEqualTo(first);
        assertThat(second.charAt(17)).isEqualTo(UnifiedSocialCreditCode.checkCharacter(second.substring(0, 17)));
    }
}
