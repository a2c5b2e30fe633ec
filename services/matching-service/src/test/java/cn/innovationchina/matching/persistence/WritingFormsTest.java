package cn.innovationchina.matching.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WritingFormsTest {

    private final WritingForms forms = WritingForms.standard();

    @Test
    void a_text_in_traditional_characters_reads_as_simplified() {
        assertThat(forms.standard("退役鋰離子電池熱管理與乾燥工藝；頭髮檢測"))
                .isEqualTo("退役锂离子电池热管理与干燥工艺；头发检测");
    }

    @Test
    void a_word_the_characters_alone_would_convert_wrongly_is_converted_whole() {
        assertThat(forms.standard("著名專家，顯著提高；睡著了")).isEqualTo("著名专家，显著提高；睡着了");
    }

    @Test
    void a_text_in_simplified_characters_stays_exactly_as_written_even_where_it_shares_a_character() {
        String simplified = "显著提高干燥效率；乾坤；著名专家";

        assertThat(forms.standard(simplified)).isSameAs(simplified);
    }

    @Test
    void each_line_is_read_in_its_own_script_and_a_line_mixing_them_keeps_its_simplified_words() {
        assertThat(forms.standard("鋰電池熱管理\n著名专家，什么都做\n香港科技大學，显著提高"))
                .isEqualTo("锂电池热管理\n著名专家，什么都做\n香港科技大学，显著提高");
    }

    @Test
    void full_width_letters_and_digits_read_as_ascii_and_punctuation_stays() {
        assertThat(forms.standard("ＬｉＤＡＲ与５Ｇ通信，（测试）")).isEqualTo("LiDAR与5G通信，（测试）");
    }

    @Test
    void every_form_keeps_the_length_of_the_text() {
        String text = "鋰電池ＢＭＳ一目瞭然，位於香港";

        assertThat(forms.standard(text)).hasSameSizeAs(text);
    }
}
