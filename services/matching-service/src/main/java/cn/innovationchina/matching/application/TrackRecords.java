package cn.innovationchina.matching.application;

import java.util.List;

import org.springframework.stereotype.Service;

import cn.innovationchina.events.ContractSigned;
import cn.innovationchina.events.DeclineReason;
import cn.innovationchina.events.DismissReason;
import cn.innovationchina.events.EngagementClosed;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.FeedbackGiven;
import cn.innovationchina.events.InvitationAccepted;
import cn.innovationchina.events.InvitationDeclined;
import cn.innovationchina.events.MatchDismissed;
import cn.innovationchina.events.Party;
import cn.innovationchina.matching.domain.Demand;
import cn.innovationchina.matching.persistence.ReadModels;
import reactor.core.publisher.Mono;

/**
 * Feeds the lifecycle back into ranking (ADR 0013): accepted invitations and contracts build experience, the
 * enterprise's ratings build reputation, accepted-and-open engagements take capacity, and a decline "outside my
 * expertise" or a dismissal "not relevant" / "insufficient experience" lowers the provider for demands sharing a
 * field. Each effect is keyed by match id, so a replayed event changes nothing.
 */
@Service
public class TrackRecords {

    private final ReadModels readModels;

    TrackRecords(ReadModels readModels) {
        this.readModels = readModels;
    }

    public Mono<Void> accepted(EventEnvelope<InvitationAccepted> event) {
        var accepted = event.payload();
        return readModels.accepted(accepted.providerId(), accepted.matchId());
    }

    public Mono<Void> contracted(EventEnvelope<ContractSigned> event) {
        var contract = event.payload();
        return readModels.contracted(contract.providerId(), contract.matchId());
    }

    public Mono<Void> closed(EventEnvelope<EngagementClosed> event) {
        var closed = event.payload();
        return readModels.engagementClosed(closed.providerId(), closed.matchId());
    }

    /** Only the enterprise's rating is the provider's reputation. */
    public Mono<Void> rated(EventEnvelope<FeedbackGiven> event) {
        var feedback = event.payload();
        return feedback.givenBy() == Party.ENTERPRISE
                ? readModels.rated(feedback.providerId(), feedback.matchId(), feedback.rating())
                : Mono.empty();
    }

    public Mono<Void> declined(EventEnvelope<InvitationDeclined> event) {
        var declined = event.payload();
        return declined.reason() == DeclineReason.OUTSIDE_EXPERTISE
                ? mismatched(declined.providerId(), declined.matchId(), declined.demandId())
                : Mono.empty();
    }

    public Mono<Void> dismissed(EventEnvelope<MatchDismissed> event) {
        var dismissed = event.payload();
        boolean mismatch = dismissed.reason() == DismissReason.NOT_RELEVANT
                || dismissed.reason() == DismissReason.INSUFFICIENT_EXPERIENCE;
        return mismatch ? mismatched(dismissed.providerId(), dismissed.matchId(), dismissed.demandId()) : Mono.empty();
    }

    private Mono<Void> mismatched(String providerId, String matchId, String demandId) {
        return readModels.demand(demandId).map(Demand::content).map(content -> content.fieldCodes())
                .defaultIfEmpty(List.of())
                .flatMap(fields -> readModels.mismatched(providerId, matchId, fields));
    }
}
