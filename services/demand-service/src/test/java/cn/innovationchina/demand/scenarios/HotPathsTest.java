package cn.innovationchina.demand.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.testkit.RealInfrastructure;
import cn.innovationchina.testkit.ServiceTest;

/**
 * A demand's way to publication costs the same however many enterprises and demands the platform holds: drafting,
 * submitting, publishing at once or after the city's review read no collection whole, so the Mongo stand-in (like
 * MongoDB) serves each of their queries by {@code _id} or by an index it really uses.
 */
@ServiceTest
class HotPathsTest extends DemandScenario {

    @Test
    void drafting_submitting_and_publishing_a_demand_with_or_without_review_read_no_collection_whole() {
        var unreviewed = registeredEnterprise(UNREVIEWED_CITY);
        var reviewed = registeredEnterprise(REVIEWED_CITY);
        var scans = RealInfrastructure.get().mongoScans();
        scans.clear();

        var publishedAtOnce = unreviewed.hasDrafted(hydrogen(UNREVIEWED_CITY));
        unreviewed.submits(publishedAtOnce).ok();
        var afterReview = submittedBy(reviewed);
        cityAdmin(REVIEWED_CITY).approves(afterReview).ok();

        events().expect(DemandPublished.class, publishedAtOnce.id()).exactlyOnce();
        events().expect(DemandPublished.class, afterReview.id()).exactlyOnce();
        assertThat(scans.snapshot()).as("collections read whole on a demand's way to publication")
                .doesNotContainKeys("demand-service-test.demands", "demand-service-test.enterprises",
                        "demand-service-test.pilotCities");
    }
}
