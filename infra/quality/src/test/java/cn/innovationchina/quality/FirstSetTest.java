package cn.innovationchina.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.innovationchina.testkit.quality.LabelledSet;

/** The first set as the runner reads it, and what it would send of it: within every limit the APIs check. */
class FirstSetTest {

    private static final Path FIRST = Path.of("../..").resolve(EndToEndQuality.SETS.get("first"));

    @Test
    void the_first_set_reads_whole() {
        var set = LabelledSet.readFolder(FIRST);

        assertThat(set.demands()).hasSize(62);
        assertThat(set.providers()).hasSize(305);
        assertThat(set.judgements()).hasSize(456);
    }

    @Test
    void every_request_of_the_first_set_is_within_the_apis_limits() {
        var requests = new ApiRequests(LabelledSet.readFolder(FIRST), LocalDate.now());

        for (var provider : requests.providers()) {
            assertThat(terms(provider.profile().get("skills"))).allSatisfy(this::fits);
            assertThat(terms(provider.profile().get("keywords"))).allSatisfy(this::fits);
            assertThat((int) provider.profile().get("capacity")).isBetween(1, 50);
        }
        for (var demand : requests.demands()) {
            assertThat(terms(demand.body().get("keywords"))).hasSizeLessThanOrEqualTo(20).allSatisfy(this::fits);
            assertThat(terms(demand.body().get("keyProblems"))).isNotEmpty().hasSizeLessThanOrEqualTo(10);
            assertThat(terms(demand.body().get("fieldCodes"))).hasSizeLessThanOrEqualTo(5);
        }
        assertThat(requests.enterprises()).extracting(e -> (String) e.registration().get("creditCode"))
                .allSatisfy(code -> assertThat(code.charAt(17)).isEqualTo(CreditCodes.checkCharacter(
                        code.substring(0, 17))))
                .doesNotHaveDuplicates();
    }

    @SuppressWarnings("unchecked")
    private static List<String> terms(Object list) {
        return (List<String>) list;
    }

    private void fits(String term) {
        assertThat(term.length()).isLessThanOrEqualTo(ApiRequests.MAX_TERM);
    }
}
