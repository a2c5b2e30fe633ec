package cn.innovationchina.demand.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.innovationchina.testkit.ServiceTest;

/** A page number that would wrap the offset around, or reach too deep, is refused naming it. */
@ServiceTest
class PagingTest extends DemandScenario {

    // The tests' page size is capped at 50 (application.yml).
    @Test
    void a_page_number_that_would_wrap_around_is_refused_naming_page_in_lists_and_searches() {
        publishedBy(registeredEnterprise(UNREVIEWED_CITY), hydrogen(UNREVIEWED_CITY));
        for (String query : new String[] {"page=2147483647&size=50", "page=42949673&size=50", "page=200&size=50"}) {
            assertThat(platformAdmin().lists(query).expect(400).text("errors.0.field")).as(query).isEqualTo("page");
            assertThat(expert().searches(query).expect(400).text("errors.0.field")).as(query).isEqualTo("page");
        }
    }
}
