package cn.innovationchina.demand.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.innovationchina.demand.application.DemandExpiry;
import cn.innovationchina.events.DemandExpired;
import cn.innovationchina.testkit.ServiceTest;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Published demands end when their deadline day is over, once, however many instances run the job. */
@ServiceTest
class ExpiryTest extends DemandScenario {

    @Autowired
    DemandExpiry expiry;

    @Test
    void a_published_demand_expires_once_its_deadline_has_passed() {
        var enterprise = registeredEnterprise(UNREVIEWED_CITY);
        var deadline = LocalDate.now().plusDays(3);
        var demand = publishedBy(enterprise, Drafts.with(hydrogen(UNREVIEWED_CITY), "deadline", deadline.toString()));

        clock.advance(Duration.ofDays(5));
        expiry.expireDue().block();

        var expired = events().expect(DemandExpired.class, demand.id()).exactlyOnce().payload();
        assertThat(expired.deadline()).isEqualTo(deadline);
        assertThat(expired.enterpriseId()).isEqualTo(enterprise.organisationId());
        assertThat(enterprise.reads(demand).ok().text("status")).isEqualTo("EXPIRED");
    }

    @Test
    void a_demand_is_not_expired_on_its_deadline_day() {
        var enterprise = registeredEnterprise(UNREVIEWED_CITY);
        var demand = publishedBy(enterprise,
                Drafts.with(hydrogen(UNREVIEWED_CITY), "deadline", LocalDate.now().plusDays(2).toString()));

        clock.advance(Duration.ofDays(1));
        expiry.expireDue().block();

        assertThat(enterprise.reads(demand).ok().text("status")).isEqualTo("PUBLISHED");
        events().expect(DemandExpired.class, demand.id()).never();
    }

    @Test
    void instances_running_the_job_at_the_same_time_expire_a_demand_once() {
        var enterprise = registeredEnterprise(UNREVIEWED_CITY);
        var demand = publishedBy(enterprise,
                Drafts.with(hydrogen(UNREVIEWED_CITY), "deadline", LocalDate.now().plusDays(2).toString()));

        clock.advance(Duration.ofDays(4));
        Flux.range(0, 4).flatMap(instance -> expiry.expireDue().subscribeOn(Schedulers.parallel()))
                .collectList().block();

        events().expect(DemandExpired.class, demand.id()).exactlyOnce();
    }

    @Test
    void an_expired_demand_can_no_longer_be_revised() {
        var enterprise = registeredEnterprise(UNREVIEWED_CITY);
        var demand = publishedBy(enterprise,
                Drafts.with(hydrogen(UNREVIEWED_CITY), "deadline", LocalDate.now().plusDays(2).toString()));
        clock.advance(Duration.ofDays(4));
        expiry.expireDue().block();
        demand = new DemandRef(demand.id(), enterprise.reads(demand).ok().etag());

        var refused = enterprise.edits(demand, Drafts.with(hydrogen(UNREVIEWED_CITY), "deadline",
                LocalDate.now().plusDays(30).toString())).expect(409);

        assertThat(refused.text("currentState")).isEqualTo("EXPIRED");
    }
}
