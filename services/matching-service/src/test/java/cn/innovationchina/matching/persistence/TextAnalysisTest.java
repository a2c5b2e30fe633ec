package cn.innovationchina.matching.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.innovationchina.reference.FieldTaxonomy;

class TextAnalysisTest {

    private final TextAnalysis analysis = Bridge.of(FieldTaxonomy.standard()).analysis();

    @Test
    void technical_words_smartcn_splits_into_characters_are_read_as_words() {
        var words = analysis.chineseWords("储能电池包液冷板设计；燃料电池电堆；黑粉预处理");

        assertThat(words).contains("储能", "电池包", "液冷", "电堆", "黑粉");
    }

    @Test
    void a_taxonomy_term_is_a_word_wherever_it_is_written() {
        assertThat(analysis.chineseWords("电池包液冷热管理与热失控防护")).contains("热管理");
    }

    @Test
    void single_characters_and_domain_generic_words_are_never_evidence() {
        assertThat(analysis.chineseWords("储能电池包液冷热管理与热失控防护；提供技术研究与系统开发服务"))
                .allMatch(word -> word.codePointCount(0, word.length()) > 1)
                .doesNotContain("技术", "研究", "系统", "开发", "服务", "提供");
        assertThat(analysis.englishEvidence("Technology research, system development and application services"))
                .isEmpty();
    }

    @Test
    void the_chinese_words_of_a_text_come_from_its_han_parts_only() {
        assertThat(analysis.chineseWords("Battery pack liquid cooling 电池包液冷板设计")).contains("电池包", "液冷")
                .allMatch(TextAnalysis::isHan);
        assertThat(analysis.chineseWords("Battery pack liquid cooling and thermal management, 2nd generation"))
                .isEmpty();
    }

    @Test
    void english_words_keep_how_they_were_written_beside_their_stem() {
        assertThat(analysis.englishEvidence("Recycled batteries")).extracting(TextAnalysis.EnglishWord::surface,
                TextAnalysis.EnglishWord::stem).containsExactly(org.assertj.core.groups.Tuple.tuple("recycled",
                "recycl"), org.assertj.core.groups.Tuple.tuple("batteries", "batteri"));
    }
}
