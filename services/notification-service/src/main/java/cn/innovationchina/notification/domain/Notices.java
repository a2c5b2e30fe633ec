package cn.innovationchina.notification.domain;

import java.util.Comparator;
import java.util.List;

import cn.innovationchina.events.ContractSigned;
import cn.innovationchina.events.DemandEvent;
import cn.innovationchina.events.DemandExpired;
import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.events.DemandRejected;
import cn.innovationchina.events.DemandSubmitted;
import cn.innovationchina.events.FeedbackGiven;
import cn.innovationchina.events.InvitationAccepted;
import cn.innovationchina.events.InvitationDeclined;
import cn.innovationchina.events.MatchEvent;
import cn.innovationchina.events.MatchShortlisted;
import cn.innovationchina.events.MatchesProposed;
import cn.innovationchina.events.Party;
import cn.innovationchina.events.Proposal;
import cn.innovationchina.events.ProviderEvent;
import cn.innovationchina.events.ProviderInvited;
import cn.innovationchina.events.ProviderVerified;

/**
 * Who hears about which event. Every recipient is named by the event itself, so no lookup can miss one: the
 * enterprise by its id, a provider by its profile id, a city's administrators by the city code.
 */
public final class Notices {

    private Notices() {
    }

    public static List<Notice> of(DemandEvent event) {
        if (event instanceof DemandSubmitted submitted) {
            return submitted.reviewRequired()
                    ? List.of(new Notice(Recipient.city(submitted.cityCode()), NotificationType.DEMAND_AWAITS_REVIEW,
                            List.of(submitted.title())))
                    : List.of();
        }
        if (event instanceof DemandPublished published) {
            return List.of(new Notice(Recipient.enterprise(published.enterprise().enterpriseId()),
                    NotificationType.DEMAND_PUBLISHED, List.of(published.content().title())));
        }
        if (event instanceof DemandRejected rejected) {
            return List.of(new Notice(Recipient.enterprise(rejected.enterpriseId()), NotificationType.DEMAND_REJECTED,
                    List.of(rejected.demandId(), rejected.reason())));
        }
        if (event instanceof DemandExpired expired) {
            return List.of(new Notice(Recipient.enterprise(expired.enterpriseId()), NotificationType.DEMAND_EXPIRED,
                    List.of(expired.demandId(), expired.deadline().toString())));
        }
        return List.of();
    }

    public static List<Notice> of(MatchEvent event) {
        if (event instanceof MatchesProposed proposed) {
            return proposed.proposals().isEmpty() ? List.of(noQualifiedMatch(proposed)) : List.of(matches(proposed));
        }
        if (event instanceof ProviderInvited invited) {
            return List.of(new Notice(Recipient.provider(invited.providerId()), NotificationType.PROVIDER_INVITED,
                    List.of(invited.demandId(), invited.explanation().summary())));
        }
        if (event instanceof MatchShortlisted shortlisted) {
            return List.of(new Notice(Recipient.provider(shortlisted.providerId()),
                    NotificationType.PROVIDER_SHORTLISTED, List.of(shortlisted.demandId())));
        }
        if (event instanceof InvitationAccepted accepted) {
            return List.of(new Notice(Recipient.enterprise(accepted.enterpriseId()),
                    NotificationType.INVITATION_ACCEPTED, List.of(accepted.providerId(), accepted.demandId())));
        }
        if (event instanceof InvitationDeclined declined) {
            return List.of(new Notice(Recipient.enterprise(declined.enterpriseId()),
                    NotificationType.INVITATION_DECLINED,
                    List.of(declined.providerId(), declined.demandId(), declined.reason().name())));
        }
        if (event instanceof ContractSigned signed) {
            return List.of(new Notice(Recipient.provider(signed.providerId()), NotificationType.CONTRACT_RECORDED,
                    List.of(signed.demandId(), signed.contractId())));
        }
        if (event instanceof FeedbackGiven feedback) {
            // Each side hears about the rating the other side gave it.
            Recipient rated = feedback.givenBy() == Party.ENTERPRISE ? Recipient.provider(feedback.providerId())
                    : Recipient.enterprise(feedback.enterpriseId());
            return List.of(new Notice(rated, NotificationType.FEEDBACK_RECEIVED,
                    List.of(feedback.demandId(), String.valueOf(feedback.rating()))));
        }
        return List.of();
    }

    public static List<Notice> of(ProviderEvent event) {
        if (event instanceof ProviderVerified verified) {
            return List.of(new Notice(Recipient.provider(verified.providerId()), NotificationType.PROVIDER_VERIFIED,
                    List.of()));
        }
        return List.of();
    }

    private static Notice matches(MatchesProposed proposed) {
        Proposal best = proposed.proposals().stream().min(Comparator.comparingInt(Proposal::rank)).orElseThrow();
        return new Notice(Recipient.enterprise(proposed.enterpriseId()), NotificationType.MATCHES_PROPOSED,
                List.of(proposed.demandId(), String.valueOf(proposed.proposals().size()), best.providerName()));
    }

    private static Notice noQualifiedMatch(MatchesProposed proposed) {
        String reason = proposed.unmatchedReason() == null ? "" : proposed.unmatchedReason();
        return new Notice(Recipient.city(proposed.cityCode()), NotificationType.NO_QUALIFIED_MATCH,
                List.of(proposed.demandId(), reason));
    }
}
