package cn.innovationchina.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import cn.innovationchina.reference.UnifiedSocialCreditCode;

/** The limits the APIs check on what the runner sends (expert-service's ProfileRules, demand-service's request). */
final class ApiLimits {

    private ApiLimits() {
    }

    static void assertWithin(ApiRequests requests) {
        for (var provider : requests.providers()) {
            assertThat(terms(provider.profile().get("skills"))).hasSizeLessThanOrEqualTo(30)
                    .allSatisfy(ApiLimits::fits);
            assertThat(terms(provider.profile().get("keywords"))).hasSizeLessThanOrEqualTo(30)
                    .allSatisfy(ApiLimits::fits);
            assertThat(terms(provider.profile().get("fieldCodes"))).isNotEmpty().hasSizeLessThanOrEqualTo(10);
            assertThat(terms(provider.profile().get("regionsServed"))).hasSizeLessThanOrEqualTo(10);
            assertThat((String) provider.profile().get("summary")).hasSizeLessThanOrEqualTo(4000);
            assertThat((int) provider.profile().get("capacity")).isBetween(1, 50);
        }
        for (var demand : requests.demands()) {
            assertThat((String) demand.body().get("title")).hasSizeLessThanOrEqualTo(200);
            assertThat(terms(demand.body().get("keywords"))).hasSizeLessThanOrEqualTo(20).allSatisfy(ApiLimits::fits);
            assertThat(terms(demand.body().get("keyProblems"))).isNotEmpty().hasSizeLessThanOrEqualTo(10)
                    .allSatisfy(problem -> assertThat(problem).hasSizeLessThanOrEqualTo(1000));
            assertThat(terms(demand.body().get("fieldCodes"))).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        }
        assertThat(requests.enterprises()).extracting(e -> (String) e.registration().get("creditCode"))
                .allSatisfy(code -> assertThat(code.charAt(17))
                        .isEqualTo(UnifiedSocialCreditCode.checkCharacter(code.substring(0, 17))))
                .doesNotHaveDuplicates();
    }

    @SuppressWarnings("unchecked")
    private static List<String> terms(Object list) {
        return (List<String>) list;
    }

    private static void fits(String term) {
        assertThat(term).hasSizeLessThanOrEqualTo(ApiRequests.MAX_TERM);
    }
}
