package cn.innovationchina.testkit.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class QualityFiguresTest {

    /** One Chinese demand of Xianning; a, b, c judged 3, 2, 1; the others are there to be excluded. */
    private static final String SET = """
            provider a | EXPERT | WUHAN | 3/0 | ENERGY.BATTERY | JOINT_RND
            name: 甲
            provider b | EXPERT | WUHAN | 3/0 | ENERGY.BATTERY | JOINT_RND
            name: 乙
            provider c | EXPERT | WUHAN | 3/0 | ENERGY.BATTERY | JOINT_RND
            name: 丙
            provider x | EXPERT | WUHAN | 3/0 | ENERGY.BATTERY | JOINT_RND
            name: 未评
            provider busy | EXPERT | WUHAN | 3/0 | ENERGY.BATTERY | JOINT_RND
            name: 忙
            flags: busy
            provider own | EXPERT | XIANNING | 3/0 | ENERGY.BATTERY | JOINT_RND
            name: 本公司总工
            org: 咸宁储能 | 91421200MA49K3T62U
            provider full | EXPERT | WUHAN | 2/2 | ENERGY.BATTERY | JOINT_RND
            name: 满
            provider tester | SERVICE_ORG | WUHAN | 9/0 | ENERGY.BATTERY | TESTING
            name: 检测
            provider english | EXPERT | BEIJING | 3/0 | ENERGY.BATTERY | JOINT_RND
            name: Dr. English
            lang: en
            demand D1 | XIANNING | zh | ENERGY.BATTERY | JOINT_RND | PUBLIC
            enterprise: 咸宁储能 | 91421200MA49K3T62U
            title: 液冷
            judge: a 3 正是所问
            judge: b 2 部分
            judge: c 1 相邻
            judge: busy 3 好但忙
            judge: own 3 本公司
            judge: full 3 满负荷
            judge: tester 2 只做检测
            judge: english 0 different problem
            """;

    private static LabelledSet set(String text) {
        return LabelledSet.parse(Map.of("set.txt", text));
    }

    @Test
    void the_ideal_ranking_scores_one() {
        var figures = QualityFigures.measure(set(SET), Map.of("D1", List.of("a", "b", "c")));

        assertThat(figures.ndcgAt10()).isCloseTo(1.0, within(1e-9));
        assertThat(figures.mrr()).isEqualTo(1.0);
        assertThat(figures.precisionAt5()).isCloseTo(2 / 5.0, within(1e-9));
        assertThat(figures.violations()).isEmpty();
        assertThat(figures.gradeZeroInTopThree()).isEmpty();
    }

    @Test
    void a_known_ranking_scores_what_the_formula_gives_by_hand() {
        // DCG = 1/log2(2) + 7/log2(3) + 0 + 3/log2(5) = 6.70854; ideal = 7 + 3/log2(3) + 1/log2(4) = 9.39279
        var figures = QualityFigures.measure(set(SET), Map.of("D1", List.of("c", "a", "x", "b")));

        assertThat(figures.ndcgAt10()).isCloseTo(0.714222, within(1e-6));
        assertThat(figures.mrr()).isEqualTo(0.5);
        assertThat(figures.precisionAt5()).isCloseTo(0.4, within(1e-9));
        assertThat(figures.gradeZeroInTopThree()).singleElement()
                .satisfies(p -> assertThat(p.label()).isEqualTo("x=unjudged"));
        assertThat(figures.line("first")).contains("grade0_top3=1 unjudged_top3=1");
        assertThat(figures.perDemand().get("D1").topFive()).extracting(QualityFigures.Proposed::label)
                .containsExactly("c=1", "a=3", "x=unjudged", "b=2");
    }

    @Test
    void excluded_providers_are_left_out_of_the_ideal_however_well_judged() {
        var figures = QualityFigures.measure(set(SET), Map.of("D1", List.of("a", "b", "c")));

        assertThat(figures.ndcgAt10()).isCloseTo(1.0, within(1e-9));
        assertThat(figures.gradeThreeSameLanguage()).isEqualTo(new QualityFigures.Recall(1, 1));
    }

    @Test
    void a_proposed_excluded_provider_is_a_violation_of_its_kind_and_gains_nothing() {
        var figures = QualityFigures.measure(set(SET),
                Map.of("D1", List.of("busy", "a", "own", "full", "tester", "b", "c")));

        assertThat(figures.violations()).hasSize(4);
        assertThat(figures.violationsByKind()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Exclusion.UNAVAILABLE, 1, Exclusion.CONFLICT, 1, Exclusion.NO_FREE_CAPACITY, 1,
                Exclusion.MODE_MISMATCH, 1, Exclusion.UNVERIFIED_FOR_CONFIDENTIAL, 0));
        // a (7) at rank 2, b (3) at rank 6, c (1) at rank 7, over the ideal a, b, c
        double dcg = 7 / log2(3) + 3 / log2(7) + 1 / log2(8);
        double ideal = 7 + 3 / log2(3) + 1 / log2(4);
        assertThat(figures.ndcgAt10()).isCloseTo(dcg / ideal, within(1e-9));
        assertThat(figures.precisionAt5()).isCloseTo(1 / 5.0, within(1e-9));
    }

    @Test
    void an_unverified_provider_is_excluded_only_from_confidential_demands() {
        String text = SET.replace("name: 乙", "name: 乙\nflags: unverified");

        var open = QualityFigures.measure(set(text), Map.of("D1", List.of("b")));
        var confidential = QualityFigures.measure(
                set(text.replace("| JOINT_RND | PUBLIC", "| JOINT_RND | CONFIDENTIAL")), Map.of("D1", List.of("b")));

        assertThat(open.violations()).isEmpty();
        assertThat(confidential.violationsByKind()).containsEntry(Exclusion.UNVERIFIED_FOR_CONFIDENTIAL, 1);
    }

    @Test
    void an_english_only_provider_for_a_chinese_demand_counts_across_languages() {
        String text = SET.replace("judge: english 0 different problem", "judge: english 3 exactly this");

        var missed = QualityFigures.measure(set(text), Map.of("D1", List.of("a", "b")));
        var found = QualityFigures.measure(set(text), Map.of("D1", List.of("a", "english")));

        assertThat(missed.gradeThreeCrossLanguage()).isEqualTo(new QualityFigures.Recall(0, 1));
        assertThat(missed.gradeThreeSameLanguage()).isEqualTo(new QualityFigures.Recall(1, 1));
        assertThat(found.gradeThreeCrossLanguage()).isEqualTo(new QualityFigures.Recall(1, 1));
    }

    @Test
    void a_mixed_demand_reads_both_languages_so_an_english_provider_is_within_one() {
        String text = SET.replace("judge: english 0 different problem", "judge: english 3 exactly this")
                .replace("D1 | XIANNING | zh", "D1 | XIANNING | mixed");

        var figures = QualityFigures.measure(set(text), Map.of("D1", List.of("a", "english")));

        assertThat(figures.gradeThreeCrossLanguage().of()).isZero();
        assertThat(figures.gradeThreeSameLanguage()).isEqualTo(new QualityFigures.Recall(2, 2));
    }

    @Test
    void a_demand_never_ranked_counts_as_an_empty_list_and_the_line_says_so() {
        var figures = QualityFigures.measure(set(SET), Map.of());

        assertThat(figures.ndcgAt10()).isZero();
        assertThat(figures.perDemand().get("D1").ranked()).isFalse();
        assertThat(figures.weak(0.6)).extracting(QualityFigures.DemandFigures::demandId).containsExactly("D1");
        assertThat(figures.line("first")).isEqualTo("quality: set=first demands=1 providers=9 ndcg@10=0.000 "
                + "p@5=0.000 mrr=0.000 recall3_same=0.000 recall3_cross=n/a grade0_top3=0 unjudged_top3=0 "
                + "violations=0");
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }
}
