package cn.innovationchina.demand.scenarios;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.LocationRelation;
import cn.innovationchina.events.MatchExplanation;
import cn.innovationchina.events.ProviderInvited;
import cn.innovationchina.events.Topics;
import cn.innovationchina.testkit.EventProbe;
import cn.innovationchina.testkit.EventPublisher;
import cn.innovationchina.testkit.TestClock;
import cn.innovationchina.testkit.Tokens;

/**
 * The cast and props of the demand scenarios. XIANNING reviews demands before publication, WUHAN does not
 * (the pilot-city registry).
 */
abstract class DemandScenario {

    static final String REVIEWED_CITY = "XIANNING";
    static final String UNREVIEWED_CITY = "WUHAN";

    private static final Tokens TOKENS = Tokens.forTests();
    private static EventProbe probe;

    @Autowired
    WebTestClient http;
    @Autowired
    TestClock clock;

    /** One probe for the whole run: it watches demand.events from the beginning. */
    static synchronized EventProbe events() {
        if (probe == null) {
            probe = EventProbe.watching(Topics.DEMAND_EVENTS);
        }
        return probe;
    }

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    /** An enterprise user whose organisation is registered in the city. */
    EnterpriseUser registeredEnterprise(String cityCode) {
        var user = unregisteredEnterprise(cityCode);
        user.registers("Enterprise " + user.organisationId(), CreditCodes.fresh(), cityCode).expect(201);
        return user;
    }

    EnterpriseUser unregisteredEnterprise(String cityCode) {
        String organisation = "org-" + UUID.randomUUID();
        return new EnterpriseUser(http, TOKENS.enterprise(organisation, cityCode), organisation);
    }

    /** Another user (another token subject) acting for the same organisation. */
    EnterpriseUser colleagueOf(EnterpriseUser user) {
        String token = TOKENS.mint("ENTERPRISE", "colleague-" + UUID.randomUUID(),
                Map.of("organisationId", user.organisationId(), "cityCode", REVIEWED_CITY));
        return new EnterpriseUser(http, token, user.organisationId());
    }

    Caller cityAdmin(String cityCode) {
        return new Caller(http, TOKENS.cityAdmin(cityCode));
    }

    /** A city administrator signed in under their own user name, as the pilot-city list names them. */
    Caller cityAdmin(String userName, String cityCode) {
        return new Caller(http, TOKENS.mint("CITY_ADMIN", userName, Map.of("cityCode", cityCode)));
    }

    Caller expert() {
        return expertOf("prv-" + UUID.randomUUID());
    }

    Caller expertOf(String providerId) {
        return new Caller(http, TOKENS.expert(providerId, "WUHAN"));
    }

    /** What matching announces when an enterprise invites a provider to its demand. */
    void matchingInvites(String providerId, DemandRef demand, EnterpriseUser enterprise) {
        var invited = new ProviderInvited("mt-" + UUID.randomUUID(), demand.id(), providerId,
                enterprise.organisationId(), UNREVIEWED_CITY,
                new MatchExplanation(List.of("燃料电池"), List.of("ENERGY.HYDROGEN"), LocationRelation.SAME_CITY, 2,
                        "Fuel-cell stack durability"), null);
        EventPublisher.publish(EventEnvelope.wrap(invited, demand.id(), 1, UNREVIEWED_CITY,
                new EventEnvelope.Tracing("invite-" + demand.id(), null), "matching-service", Instant.now()));
    }

    PlatformAdmin platformAdmin() {
        return new PlatformAdmin(http, TOKENS.platformAdmin());
    }

    Map<String, Object> hydrogen(String cityCode) {
        return Drafts.hydrogenFuelCellStack(cityCode);
    }

    /** A demand published at once, in a city without review. */
    DemandRef publishedBy(EnterpriseUser enterprise, Map<String, Object> demand) {
        var ref = enterprise.hasDrafted(demand);
        enterprise.submits(ref).ok();
        return ref;
    }

    /** A demand waiting for the review of its city. */
    DemandRef submittedBy(EnterpriseUser enterprise) {
        var ref = enterprise.hasDrafted(hydrogen(REVIEWED_CITY));
        enterprise.submits(ref).ok();
        return ref;
    }
}
