package cn.innovationchina.expert.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.InvitationAccepted;
import cn.innovationchina.events.LocationRelation;
import cn.innovationchina.events.MatchEvent;
import cn.innovationchina.events.MatchExplanation;
import cn.innovationchina.events.ProviderInvited;
import cn.innovationchina.testkit.EventPublisher;
import cn.innovationchina.testkit.Eventually;

/** An enterprise sees a provider's contact data only once the provider accepted one of its invitations. */
class ContactReleaseTest extends Scenario {

    @Test
    void the_enterprise_whose_invitation_was_accepted_sees_the_contact_data() {
        var expert = given.aRegisteredExpert();
        String enterpriseId = Actors.newId("ORG");
        var enterprise = given.enterprise(enterpriseId);
        assertThat(profileAsSeenBy(enterprise, expert)).doesNotContain(Profiles.EMAIL);

        accepts(expert, enterpriseId, "M-1");

        Eventually.awaitState("contact released", () -> profileAsSeenBy(enterprise, expert),
                body -> body.contains(Profiles.EMAIL));
        assertThat(profileAsSeenBy(enterprise, expert)).contains(Profiles.PHONE).contains("张伟");
    }

    @Test
    void an_invitation_alone_or_another_enterprises_acceptance_releases_nothing() {
        var expert = given.aRegisteredExpert();
        String invitingId = Actors.newId("ORG");
        String acceptedId = Actors.newId("ORG");
        publish(new ProviderInvited("M-2", "D-2", expert.id, invitingId, "XIANNING",
                new MatchExplanation(List.of("电解槽"), List.of("ENERGY.HYDROGEN"), LocationRelation.SAME_CITY, 2,
                        "Works on electrolysers in Xianning"), "Please help"), "M-2", 1);
        accepts(expert, acceptedId, "M-3");
        Eventually.awaitState("contact released to the accepted enterprise",
                () -> profileAsSeenBy(given.enterprise(acceptedId), expert), body -> body.contains(Profiles.EMAIL));

        assertThat(profileAsSeenBy(given.enterprise(invitingId), expert)).doesNotContain(Profiles.EMAIL)
                .doesNotContain("contact");
        assertThat(profileAsSeenBy(given.enterprise(), expert)).doesNotContain(Profiles.EMAIL);
    }

    @Test
    void the_enterprise_given_the_contact_data_still_does_not_see_whom_the_provider_declares_conflicts_with() {
        var expert = given.aRegisteredExpert();
        String enterpriseId = Actors.newId("ORG");

        accepts(expert, enterpriseId, "M-5");

        Eventually.awaitState("contact released", () -> profileAsSeenBy(given.enterprise(enterpriseId), expert),
                body -> body.contains(Profiles.EMAIL));
        assertThat(profileAsSeenBy(given.enterprise(enterpriseId), expert)).doesNotContain("91420100MA4K2N3P7Q")
                .doesNotContain("conflictCreditCodes");
    }

    @Test
    void a_redelivered_acceptance_changes_nothing() {
        var expert = given.aRegisteredExpert();
        String enterpriseId = Actors.newId("ORG");
        var accepted = accepts(expert, enterpriseId, "M-4");

        EventPublisher.publish(accepted);

        Eventually.awaitState("contact released", () -> profileAsSeenBy(given.enterprise(enterpriseId), expert),
                body -> body.contains(Profiles.EMAIL));
    }

    private EventEnvelope<InvitationAccepted> accepts(Actors.Expert expert, String enterpriseId, String matchId) {
        return publish(new InvitationAccepted(matchId, "D-" + matchId, expert.id, enterpriseId, "XIANNING"), matchId,
                2);
    }

    private static <E extends MatchEvent> EventEnvelope<E> publish(E event, String matchId,
            long version) {
        var envelope = EventEnvelope.wrap(event, matchId + "-" + Actors.newId(""), version, "XIANNING",
                new EventEnvelope.Tracing("test", null), "matching-service", Instant.now());
        EventPublisher.publish(envelope);
        return envelope;
    }

    private static String profileAsSeenBy(Actors.Caller enterprise, Actors.Expert expert) {
        return enterprise.get("/providers/" + expert.id).expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
    }
}
