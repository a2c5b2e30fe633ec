package cn.innovationchina.matching.web;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.innovationchina.events.ContractSigned;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.DeclineReason;
import cn.innovationchina.events.DismissReason;
import cn.innovationchina.events.EngagementOutcome;
import cn.innovationchina.events.MatchExplanation;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.matching.application.MatchLifecycle;
import cn.innovationchina.matching.domain.Match;
import cn.innovationchina.matching.domain.MatchStatus;
import cn.innovationchina.platform.security.PlatformUser;
import cn.innovationchina.platform.web.ETags;
import cn.innovationchina.platform.web.PageRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/**
 * A demand's matches and their lifecycle. Every response carries the list's version as ETag; every step must send
 * it as {@code If-Match} (428 without, ADR 0042) and is refused with 412 if the list changed meanwhile.
 */
@RestController
class MatchController {

    /**
     * One match as both sides see it; {@code version} is the demand's list version, the If-Match for the next step
     * (an invitation in the provider's list carries its own demand's).
     */
    record MatchView(String demandId, String matchId, String providerId, String providerName,
            ProviderKind providerKind, @Nullable String providerCityCode, @Nullable String providerDivisionCode,
            int rank, double score, MatchExplanation explanation,
            MatchStatus status, String invitationMessage, boolean enterpriseGaveFeedback,
            boolean providerGaveFeedback, long version) {

        static MatchView of(String demandId, Match match, long version) {
            return new MatchView(demandId, match.matchId(), match.providerId(), match.providerName(),
                    match.providerKind(), match.providerCityCode(), match.providerDivisionCode(), match.rank(),
                    match.score(), match.explanation(), match.status(), match.invitationMessage(),
                    match.enterpriseGaveFeedback(), match.providerGaveFeedback(), version);
        }
    }

    record MatchesView(String demandId, String enterpriseId, String cityCode, List<MatchView> matches) {
    }

    record InvitationsView(List<MatchView> items, int page, int size, long total) {
        static InvitationsView of(MatchLifecycle.Invitations invitations) {
            return new InvitationsView(invitations.items().stream()
                    .map(s -> MatchView.of(s.demandId(), s.match(), s.version())).toList(),
                    invitations.page().page(), invitations.page().size(), invitations.total());
        }
    }

    record Dismissal(@NotNull DismissReason reason, @Size(max = 500) String note) {
    }

    record Invitation(@Size(max = 2000) String message) {
    }

    record Declining(@NotNull DeclineReason reason, @Size(max = 500) String note) {
    }

    record Docking(@NotNull LocalDate startedOn) {
    }

    record Contract(@NotBlank @Size(max = 64) String contractId,
            @Positive @Max(ContractSigned.MAX_VALUE_CNY) long valueCny,
            @NotNull CooperationMode mode, @NotNull LocalDate signedOn) {
    }

    record Closing(@NotNull EngagementOutcome outcome) {
    }

    record Feedback(@Min(1) @Max(5) int rating, @Size(max = 2000) String comment) {
    }

    private static final String MATCH = "/demands/{demandId}/matches/{matchId}";

    private final MatchLifecycle lifecycle;

    MatchController(MatchLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @GetMapping("/demands/{demandId}/matches")
    Mono<ResponseEntity<MatchesView>> matches(@PathVariable String demandId,
            @AuthenticationPrincipal PlatformUser user) {
        return lifecycle.matchesOf(demandId, user).map(versioned -> {
            var matches = versioned.matches();
            return ResponseEntity.ok().eTag(ETags.of(versioned.version())).body(new MatchesView(matches.id(),
                    matches.enterpriseId(), matches.cityCode(),
                    matches.matches().stream().map(m -> MatchView.of(matches.id(), m, versioned.version())).toList()));
        });
    }

    /** Paged like every list: {@code page} from 0, {@code size} 1 to 100 (20 by default); others are a 400. */
    @GetMapping("/invitations")
    Mono<InvitationsView> invitations(@AuthenticationPrincipal PlatformUser user,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return Mono.defer(() -> lifecycle.invitationsOf(user, PageRequest.of(page, size)))
                .map(InvitationsView::of);
    }

    @PostMapping(MATCH + "/shortlist")
    Mono<ResponseEntity<MatchView>> shortlist(@PathVariable String demandId, @PathVariable String matchId,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @AuthenticationPrincipal PlatformUser user) {
        return respond(lifecycle.step(demandId, matchId, user, expected(ifMatch),
                (matches, party) -> matches.shortlist(matchId, party)));
    }

    @PostMapping(MATCH + "/dismiss")
    Mono<ResponseEntity<MatchView>> dismiss(@PathVariable String demandId, @PathVariable String matchId,
            @Valid @RequestBody Dismissal body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @AuthenticationPrincipal PlatformUser user) {
        return respond(lifecycle.step(demandId, matchId, user, expected(ifMatch),
                (matches, party) -> matches.dismiss(matchId, party, body.reason(), body.note())));
    }

    @PostMapping(MATCH + "/invite")
    Mono<ResponseEntity<MatchView>> invite(@PathVariable String demandId, @PathVariable String matchId,
            @Valid @RequestBody Invitation body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @AuthenticationPrincipal PlatformUser user) {
        return respond(lifecycle.stepWithActiveProvider(demandId, matchId, user, expected(ifMatch),
                (matches, party) -> matches.invite(matchId, party, body.message())));
    }

    @PostMapping(MATCH + "/accept")
    Mono<ResponseEntity<MatchView>> accept(@PathVariable String demandId, @PathVariable String matchId,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @AuthenticationPrincipal PlatformUser user) {
        return respond(lifecycle.stepWithActiveProvider(demandId, matchId, user, expected(ifMatch),
                (matches, party) -> matches.accept(matchId, party)));
    }

    @PostMapping(MATCH + "/decline")
    Mono<ResponseEntity<MatchView>> decline(@PathVariable String demandId, @PathVariable String matchId,
            @Valid @RequestBody Declining body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @AuthenticationPrincipal PlatformUser user) {
        return respond(lifecycle.step(demandId, matchId, user, expected(ifMatch),
                (matches, party) -> matches.decline(matchId, party, body.reason(), body.note())));
    }

    @PostMapping(MATCH + "/docking")
    Mono<ResponseEntity<MatchView>> docking(@PathVariable String demandId, @PathVariable String matchId,
            @Valid @RequestBody Docking body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @AuthenticationPrincipal PlatformUser user) {
        return respond(lifecycle.step(demandId, matchId, user, expected(ifMatch),
                (matches, party) -> matches.startDocking(matchId, party, body.startedOn(),
                        lifecycle.today())));
    }

    @PostMapping(MATCH + "/contract")
    Mono<ResponseEntity<MatchView>> contract(@PathVariable String demandId, @PathVariable String matchId,
            @Valid @RequestBody Contract body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @AuthenticationPrincipal PlatformUser user) {
        return respond(lifecycle.step(demandId, matchId, user, expected(ifMatch),
                (matches, party) -> matches.signContract(matchId, party, body.contractId(), body.valueCny(),
                        body.mode(), body.signedOn(), lifecycle.today())));
    }

    @PostMapping(MATCH + "/close")
    Mono<ResponseEntity<MatchView>> close(@PathVariable String demandId, @PathVariable String matchId,
            @Valid @RequestBody Closing body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @AuthenticationPrincipal PlatformUser user) {
        return respond(lifecycle.step(demandId, matchId, user, expected(ifMatch),
                (matches, party) -> matches.close(matchId, party, body.outcome())));
    }

    @PostMapping(MATCH + "/feedback")
    Mono<ResponseEntity<MatchView>> feedback(@PathVariable String demandId, @PathVariable String matchId,
            @Valid @RequestBody Feedback body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @AuthenticationPrincipal PlatformUser user) {
        return respond(lifecycle.step(demandId, matchId, user, expected(ifMatch),
                (matches, party) -> matches.giveFeedback(matchId, party, body.rating(), body.comment())));
    }

    private static long expected(@Nullable String ifMatch) {
        return ETags.requiredIfMatch(ifMatch, "demand's matches");
    }

    private static Mono<ResponseEntity<MatchView>> respond(Mono<MatchLifecycle.Stepped> stepped) {
        return stepped.map(s -> ResponseEntity.ok().eTag(ETags.of(s.version())).body(MatchView.of(s.demandId(),
                s.match(), s.version())));
    }
}
