package cn.innovationchina.matching;

import static cn.innovationchina.matching.Profiles.demand;
import static cn.innovationchina.matching.Profiles.enterprise;
import static cn.innovationchina.matching.Profiles.provider;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.events.DeclineReason;
import cn.innovationchina.events.EngagementClosed;
import cn.innovationchina.events.EnterpriseRef;
import cn.innovationchina.events.FeedbackGiven;
import cn.innovationchina.events.InvitationAccepted;
import cn.innovationchina.events.InvitationDeclined;
import cn.innovationchina.events.MatchesProposed;
import cn.innovationchina.events.Proposal;
import cn.innovationchina.events.Topics;
import cn.innovationchina.testkit.EventProbe;
import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.Tokens;

/** Enterprises and providers move matches through their lifecycle over HTTP; each step leaves as an event. */
@ServiceTest
class MatchLifecycleTest {

    @RegisterExtension
    static final EventProbe events = EventProbe.watching(Topics.MATCH_EVENTS);
    private static final Tokens tokens = Tokens.forTests();

    @Autowired
    WebTestClient http;
    @Autowired
    ReactiveMongoTemplate mongo;

    private final String word = "lc" + UUID.randomUUID().toString().substring(0, 8);
    private final EnterpriseRef enterprise = enterprise("e-" + word, "Enterprise " + word, "91421200MA4XN0003K");
    private final String providerId = "p-" + word;
    private final String demandId = "d-" + word;
    private @Nullable Bus bus;

    @Test
    void a_match_goes_from_proposal_through_contract_to_both_sides_feedback() {
        String match = proposedMatch(provider("Prof. Li").skills(word));

        step(enterpriseToken(), match, "shortlist", null).expectStatus().isOk();
        step(enterpriseToken(), match, "invite", Map.of("message", "Can you help?")).expectStatus().isOk();
        step(providerToken(), match, "accept", null).expectStatus().isOk();
        step(providerToken(), match, "docking", Map.of("startedOn", today())).expectStatus().isOk();
        step(enterpriseToken(), match, "contract", Map.of("contractId", "C-" + word, "valueCny", 800000,
                "mode", "JOINT_RND", "signedOn", today())).expectStatus().isOk();
        step(enterpriseToken(), match, "close", Map.of("outcome", "COMPLETED")).expectStatus().isOk();
        step(enterpriseToken(), match, "feedback", Map.of("rating", 5, "comment", "Excellent")).expectStatus().isOk()
                .expectBody().jsonPath("$.enterpriseGaveFeedback").isEqualTo(true)
                .jsonPath("$.providerGaveFeedback").isEqualTo(false);
        step(providerToken(), match, "feedback", Map.of("rating", 4)).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CLOSED").jsonPath("$.providerGaveFeedback").isEqualTo(true);

        events.expect(FeedbackGiven.class, demandId).atLeastOnce();
        EventProbe.settle();
        assertThat(events.typesInOrder(Topics.MATCH_EVENTS, demandId)).containsExactly("MatchesProposed",
                "MatchShortlisted", "ProviderInvited", "InvitationAccepted", "DockingStarted", "ContractSigned",
                "EngagementClosed", "FeedbackGiven", "FeedbackGiven");
    }

    @Test
    void a_provider_declines_with_a_reason_the_enterprise_learns() {
        String match = proposedMatch(provider("Prof. Chen").skills(word));
        step(enterpriseToken(), match, "invite", Map.of()).expectStatus().isOk();

        step(providerToken(), match, "decline", Map.of("reason", "TIMELINE", "note", "Busy until May"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DECLINED");

        assertThat(events.expect(InvitationDeclined.class, demandId).exactlyOnce()
                .payload().reason()).isEqualTo(DeclineReason.TIMELINE);
    }

    @Test
    void an_enterprise_dismisses_a_proposal_with_a_reason_code() {
        String match = proposedMatch(provider("Prof. Ma").skills(word));

        step(enterpriseToken(), match, "dismiss", Map.of("reason", "TOO_FAR")).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("DISMISSED");
    }

    @Test
    void a_dismissal_without_a_reason_is_refused_naming_the_field() {
        String match = proposedMatch(provider("Prof. Hu").skills(word));

        step(enterpriseToken(), match, "dismiss", Map.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
    }

    @Test
    void another_enterprise_gets_404_for_a_match_it_does_not_own() {
        String match = proposedMatch(provider("Prof. Gao").skills(word));

        step(tokens.enterprise("e-stranger", "XIANNING"), match, "shortlist", null).expectStatus().isNotFound();
        http.get().uri("/demands/{d}/matches", demandId).headers(bearer(tokens.enterprise("e-stranger", "XIANNING")))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void a_provider_gets_404_for_a_match_it_was_not_invited_to() {
        String match = proposedMatch(provider("Prof. Lin").skills(word));

        step(providerToken(), match, "accept", null).expectStatus().isNotFound();
    }

    @Test
    void a_provider_cannot_take_the_enterprises_step() {
        String match = proposedMatch(provider("Prof. He").skills(word));
        step(enterpriseToken(), match, "invite", Map.of()).expectStatus().isOk();

        step(providerToken(), match, "contract", Map.of("contractId", "C-1", "valueCny", 1, "mode", "JOINT_RND",
                "signedOn", today())).expectStatus().isNotFound();
    }

    @Test
    void a_step_out_of_order_is_refused_with_409() {
        String match = proposedMatch(provider("Prof. Luo").skills(word));

        step(enterpriseToken(), match, "contract", Map.of("contractId", "C-1", "valueCny", 1, "mode", "JOINT_RND",
                "signedOn", today())).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void a_contract_worth_more_than_a_trillion_cny_is_refused_naming_its_value() {
        String match = dockingMatch(provider("Prof. Bai").skills(word));

        step(enterpriseToken(), match, "contract", contract(Long.MAX_VALUE, today())).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("valueCny");
        step(enterpriseToken(), match, "contract", contract(1_000_000_000_000L, today())).expectStatus().isOk();
    }

    @Test
    void a_docking_dated_in_the_future_is_refused_naming_its_date() {
        String match = acceptedMatch(provider("Prof. Shi").skills(word));

        step(providerToken(), match, "docking", Map.of("startedOn", "2099-01-01")).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("startedOn");
    }

    @Test
    void a_contract_dated_in_the_future_is_refused_naming_its_date() {
        String match = dockingMatch(provider("Prof. Yan").skills(word));

        step(enterpriseToken(), match, "contract", contract(800_000, "2099-01-01")).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("signedOn");
    }

    @Test
    void a_docking_dated_more_than_a_year_ago_is_refused_naming_its_date() {
        String match = acceptedMatch(provider("Prof. Kong").skills(word));

        step(providerToken(), match, "docking", Map.of("startedOn", "1900-01-01")).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("startedOn");
    }

    @Test
    void a_contract_dated_more_than_a_year_ago_is_refused_naming_its_date() {
        String match = dockingMatch(provider("Prof. Fang").skills(word));

        step(enterpriseToken(), match, "contract", contract(800_000, "1900-01-01")).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("signedOn");
    }

    @Test
    void a_provider_deactivated_after_his_proposal_can_no_longer_be_invited() {
        String match = proposedMatch(provider("Prof. Wen").skills(word));

        bus().awaitHandled(bus().deactivates(providerId));

        step(enterpriseToken(), match, "invite", Map.of()).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("no longer active"));
        theMatchIs(match, "PROPOSED");
    }

    @Test
    void a_provider_deactivated_after_his_invitation_can_no_longer_accept_it() {
        String match = proposedMatch(provider("Prof. Pan").skills(word));
        step(enterpriseToken(), match, "invite", Map.of()).expectStatus().isOk();

        bus().awaitHandled(bus().deactivates(providerId));

        step(providerToken(), match, "accept", null).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("no longer active"));
        theMatchIs(match, "INVITED");
    }

    @Test
    void a_step_without_if_match_is_refused_with_428_naming_the_header_and_changes_nothing() {
        String match = proposedMatch(provider("Prof. Qian").skills(word));
        String before = currentEtag();

        step(enterpriseToken(), match, "shortlist", null, null).expectStatus().isEqualTo(428)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("If-Match");

        assertThat(currentEtag()).isEqualTo(before);
    }

    @Test
    void a_step_based_on_a_stale_version_is_refused_with_412() {
        String match = proposedMatch(provider("Prof. Song").skills(word));
        String etag = http.get().uri("/demands/{d}/matches", demandId).headers(bearer(enterpriseToken())).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseHeaders().getETag();
        step(enterpriseToken(), match, "shortlist", null).expectStatus().isOk();

        http.post().uri("/demands/{d}/matches/{m}/invite", demandId, match).headers(bearer(enterpriseToken()))
                .header(HttpHeaders.IF_MATCH, etag).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
                .exchange().expectStatus().isEqualTo(412);
    }

    @Test
    void the_city_administrator_sees_the_demands_matches_and_an_invited_provider_its_invitation() {
        String match = proposedMatch(provider("Prof. Tang").skills(word));
        String etag = step(enterpriseToken(), match, "invite", Map.of("message", "我们需要电堆耐久性测试"))
                .expectStatus().isOk().returnResult(String.class).getResponseHeaders().getETag();

        http.get().uri("/demands/{d}/matches", demandId).headers(bearer(tokens.cityAdmin("XIANNING"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.matches[0].matchId").isEqualTo(match);
        http.get().uri("/invitations").headers(bearer(providerToken())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[0].matchId").isEqualTo(match)
                .jsonPath("$.items[0].explanation.summary").isNotEmpty()
                .jsonPath("$.items[0].invitationMessage").isEqualTo("我们需要电堆耐久性测试")
                .jsonPath("$.items[0].version").isEqualTo(Integer.parseInt(etag.replace("\"", "")));
    }

    @Test
    void a_provider_reads_its_invitations_page_by_page() {
        var bus = new Bus(mongo);
        bus.awaitHandled(bus.registers(providerId, provider("Prof. Peng").capacity(5).skills(word).build()));
        List<String> invitedOn = List.of("d-1-" + word, "d-2-" + word, "d-3-" + word);
        for (String demand : invitedOn) {
            bus.publishes(demand, enterprise, demand(word).fields().build());
            String match = events.expect(MatchesProposed.class, demand).atLeastOnce().payload().proposals().get(0)
                    .matchId();
            String etag = http.get().uri("/demands/{d}/matches", demand).headers(bearer(enterpriseToken()))
                    .exchange().returnResult(String.class).getResponseHeaders().getETag();
            http.post().uri("/demands/{d}/matches/{m}/invite", demand, match).headers(bearer(enterpriseToken()))
                    .header(HttpHeaders.IF_MATCH, etag).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
                    .exchange().expectStatus().isOk();
        }

        http.get().uri("/invitations?page=0&size=2").headers(bearer(providerToken())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].demandId").isEqualTo(invitedOn.get(0))
                .jsonPath("$.items[1].demandId").isEqualTo(invitedOn.get(1))
                .jsonPath("$.page").isEqualTo(0).jsonPath("$.size").isEqualTo(2).jsonPath("$.total").isEqualTo(3);
        http.get().uri("/invitations?page=1&size=2").headers(bearer(providerToken())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].demandId").isEqualTo(invitedOn.get(2)).jsonPath("$.total").isEqualTo(3);
    }

    @Test
    void an_invitations_page_larger_than_a_hundred_is_refused_naming_the_size() {
        http.get().uri("/invitations?size=101").headers(bearer(providerToken())).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void an_accepted_engagement_takes_the_providers_last_free_place() {
        String match = proposedMatch(provider("Prof. Xu").capacity(1).skills(word));
        step(enterpriseToken(), match, "invite", Map.of()).expectStatus().isOk();
        step(providerToken(), match, "accept", null).expectStatus().isOk();
        var bus = new Bus(mongo);
        bus.awaitHandled(events.expect(InvitationAccepted.class, demandId).atLeastOnce());

        var next = bus.publishes("d-next-" + word, enterprise, demand(word).fields().build());

        assertThat(events.expect(MatchesProposed.class, next.aggregateId()).exactlyOnce().payload().proposals())
                .isEmpty();
    }

    @Test
    void withdrawing_a_demand_ends_its_engagement_and_frees_the_providers_place() {
        String match = proposedMatch(provider("Prof. Deng").capacity(1).skills(word));
        step(enterpriseToken(), match, "invite", Map.of()).expectStatus().isOk();
        step(providerToken(), match, "accept", null).expectStatus().isOk();
        var bus = new Bus(mongo);
        bus.awaitHandled(events.expect(InvitationAccepted.class, demandId).atLeastOnce());

        bus.withdraws(demandId, enterprise);

        bus.awaitHandled(events.expect(EngagementClosed.class, demandId).atLeastOnce());
        var next = bus.publishes("d-next-" + word, enterprise, demand(word).fields().build());
        assertThat(providerIds(events.expect(MatchesProposed.class, next.aggregateId()).exactlyOnce().payload()))
                .containsExactly(providerId);
    }

    @Test
    void a_contract_and_top_feedback_lift_a_provider_above_an_equal_one_in_a_later_ranking() {
        var bus = new Bus(mongo);
        var profile = provider("Twin").skills(word).build();
        bus.awaitHandled(bus.registers("p-a-" + word, profile));
        bus.awaitHandled(bus.registers("p-b-" + word, profile));
        var first = bus.publishes(demandId, enterprise, demand(word).fields().build());
        var before = events.expect(MatchesProposed.class, first.aggregateId()).exactlyOnce().payload();
        assertThat(providerIds(before)).containsExactlyInAnyOrder("p-a-" + word, "p-b-" + word);
        String ahead = before.proposals().get(0).providerId();
        String behind = before.proposals().get(1).providerId();
        String match = before.proposals().get(1).matchId();
        String twinB = tokens.expert(behind, "XIANNING");

        step(enterpriseToken(), match, "invite", Map.of()).expectStatus().isOk();
        step(twinB, match, "accept", null).expectStatus().isOk();
        step(twinB, match, "docking", Map.of("startedOn", today())).expectStatus().isOk();
        step(enterpriseToken(), match, "contract", Map.of("contractId", "C-" + word, "valueCny", 500000,
                "mode", "JOINT_RND", "signedOn", today())).expectStatus().isOk();
        step(enterpriseToken(), match, "close", Map.of("outcome", "COMPLETED")).expectStatus().isOk();
        step(enterpriseToken(), match, "feedback", Map.of("rating", 5)).expectStatus().isOk();
        bus.awaitHandled(events.expect(FeedbackGiven.class, demandId).atLeastOnce());

        var later = bus.publishes("d-later-" + word, enterprise, demand(word).fields().build());

        var after = events.expect(MatchesProposed.class, later.aggregateId()).exactlyOnce().payload();
        assertThat(providerIds(after)).containsExactly(behind, ahead);
    }

    @Test
    void the_openapi_document_describes_the_match_endpoints() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/demands/{demandId}/matches/{matchId}/invite']").exists()
                .jsonPath("$.paths['/invitations']").exists();
    }

    private String proposedMatch(Profiles.ProviderBuilder profile) {
        var bus = bus();
        bus.awaitHandled(bus.registers(providerId, profile.build()));
        var published = bus.publishes(demandId, enterprise, demand(word).fields().build());
        var proposed = events.expect(MatchesProposed.class, published.aggregateId()).atLeastOnce().payload();
        assertThat(providerIds(proposed)).containsExactly(providerId);
        return proposed.proposals().get(0).matchId();
    }

    private String acceptedMatch(Profiles.ProviderBuilder profile) {
        String match = proposedMatch(profile);
        step(enterpriseToken(), match, "invite", Map.of()).expectStatus().isOk();
        step(providerToken(), match, "accept", null).expectStatus().isOk();
        return match;
    }

    private String dockingMatch(Profiles.ProviderBuilder profile) {
        String match = acceptedMatch(profile);
        step(providerToken(), match, "docking", Map.of("startedOn", today())).expectStatus().isOk();
        return match;
    }

    private Map<String, Object> contract(long valueCny, String signedOn) {
        return Map.of("contractId", "C-" + word, "valueCny", valueCny, "mode", "JOINT_RND", "signedOn", signedOn);
    }

    /** Today where the pilot cities are, read after the match was proposed, as a user's calendar would show it. */
    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    /** This test's bus: the provider's events it sends follow each other in version. */
    private Bus bus() {
        if (bus == null) {
            bus = new Bus(mongo);
        }
        return bus;
    }

    /** The demand's one match, as its enterprise reads it now. */
    private void theMatchIs(String match, String status) {
        http.get().uri("/demands/{d}/matches", demandId).headers(bearer(enterpriseToken())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.matches.length()").isEqualTo(1)
                .jsonPath("$.matches[0].matchId").isEqualTo(match).jsonPath("$.matches[0].status").isEqualTo(status);
    }

    /** A step sent with the list's current ETag, as a caller that has just read it. */
    private WebTestClient.ResponseSpec step(String token, String match, String step, Object body) {
        return step(token, match, step, body, currentEtag());
    }

    private WebTestClient.ResponseSpec step(String token, String match, String step, Object body,
            @Nullable String ifMatch) {
        var request = http.post().uri("/demands/{d}/matches/{m}/" + step, demandId, match).headers(bearer(token))
                .headers(headers -> {
                    if (ifMatch != null) {
                        headers.setIfMatch(ifMatch);
                    }
                });
        return body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private String currentEtag() {
        return http.get().uri("/demands/{d}/matches", demandId).headers(bearer(enterpriseToken())).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseHeaders().getETag();
    }

    private String enterpriseToken() {
        return tokens.enterprise(enterprise.enterpriseId(), "XIANNING");
    }

    private String providerToken() {
        return tokens.expert(providerId, "XIANNING");
    }

    private static Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }

    private static List<String> providerIds(MatchesProposed proposed) {
        return proposed.proposals().stream().map(Proposal::providerId).toList();
    }
}
