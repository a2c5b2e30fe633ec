package cn.innovationchina.demand.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.innovationchina.platform.problem.InvalidInput;
import cn.innovationchina.reference.UnifiedSocialCreditCode;

class CreditCodeTest {

    /** Codes of real, publicly listed companies (Huawei, Tencent, Alibaba China, Bank of China). */
    @ParameterizedTest
    @ValueSource(strings = {"914403001922038216", "9144030071526726XG", "91330100716105852F",
            "91110000802100433B"})
    void real_credit_codes_are_accepted(String code) {
        assertThat(new CreditCode(code).value()).isEqualTo(code);
    }

    @Test
    void the_check_character_is_computed_from_the_first_seventeen() {
        assertThat(UnifiedSocialCreditCode.checkCharacter("91440300192203821")).isEqualTo('6');
        assertThat(UnifiedSocialCreditCode.checkCharacter("9144030071526726X")).isEqualTo('G');
    }

    @Test
    void a_wrong_check_character_is_refused_naming_the_field() {
        assertThatThrownBy(() -> new CreditCode("914403001922038217")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("check character")
                .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("creditCode"));
    }

    @Test
    void two_swapped_characters_are_caught() {
        assertThatThrownBy(() -> new CreditCode("914403001922032816")).isInstanceOf(InvalidInput.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91440300192203821", "9144030019220382166"})
    void a_code_that_is_not_18_characters_long_is_refused(String code) {
        assertThatThrownBy(() -> new CreditCode(code)).isInstanceOf(InvalidInput.class)
                .hasMessage("must be 18 characters");
    }

    @Test
    void letters_the_standard_leaves_out_are_refused() {
        assertThatThrownBy(() -> new CreditCode("91440300I92203821" + "6")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("character 9");
    }

    @Test
    void input_is_read_in_upper_case_without_surrounding_blanks() {
        assertThat(CreditCode.parse(" 9144030071526726xg ").value()).isEqualTo("9144030071526726XG");
    }
}
