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
import cn.innovationchina.events.MatchEvent;
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

    public Mono<Void> on(EventEnvelope<MatchEvent> event) {
        var payload = event.payload();
        if (payload instanceof InvitationAccepted accepted) {
            return readModels.accepted(accepted.providerId(), accepted.matchId());
        }
        if (payload instanceof ContractSigned contract) {
            return readModels.contracted(contract.providerId(), contract.matchId());
        }
        if (payload instanceof EngagementClosed closed) {
            return readModels.engagementClosed(closed.providerId(), closed.matchId());
        }
        if (payload instanceof FeedbackGiven feedback && feedback.givenBy() == Party.ENTERPRISE) {
            return readModels.rated(feedback.providerId(), feedback.matchId(), feedback.rating());
        }
        if (payload instanceof InvitationDeclined declined && declined.reason() == DeclineReason.OUTSIDE_EXPERTISE) {
            return mismatched(declined.providerId(), declined.matchId(), declined.demandId());
        }
        if (payload instanceof MatchDismissed dismissed && (dismissed.reason() == DismissReason.NOT_RELEVANT
                || dismissed.reason() == DismissReason.INSUFFICIENT_EXPERIENCE)) {
            return mismatched(dismissed.providerId(), dismissed.matchId(), dismissed.demandId());
        }
        return Mono.empty();
    }

    private Mono<Void> mismatched(String providerId, String matchId, String demandId) {
        return readModels.demand(demandId).map(Demand::content).map(content -> content.fieldCodes())
                .defaultIfEmpty(List.of())
                .flatMap(fields -> readModels.mismatched(providerId, matchId, fields));
    }
}
