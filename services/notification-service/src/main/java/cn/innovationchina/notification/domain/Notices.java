package cn.innovationchina.notification.domain;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

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
 * Who hears about which event, and what they are told. Every recipient is named by the event itself, so no lookup
 * can miss one: the enterprise by its id, a provider by its profile id, a city's administrators by the city code.
 * What they are told names the demand and the provider as the event or the {@link Names} known before it do.
 */
public final class Notices {

    private Notices() {
    }

    public static List<Notice> of(DemandEvent event, Names names) {
        if (event instanceof DemandSubmitted submitted) {
            return submitted.reviewRequired()
                    ? List.of(new Notice(Recipient.city(submitted.cityCode()), NotificationType.DEMAND_AWAITS_REVIEW,
                            List.of(new Phrase.Demand(submitted.title()))))
                    : List.of();
        }
        if (event instanceof DemandPublished published) {
            return List.of(new Notice(Recipient.enterprise(published.enterprise().enterpriseId()),
                    NotificationType.DEMAND_PUBLISHED, List.of(new Phrase.Demand(published.content().title()))));
        }
        if (event instanceof DemandRejected rejected) {
            return List.of(new Notice(Recipient.enterprise(rejected.enterpriseId()), NotificationType.DEMAND_REJECTED,
                    List.of(demand(names), new Phrase.Verbatim(rejected.reason()))));
        }
        if (event instanceof DemandExpired expired) {
            return List.of(new Notice(Recipient.enterprise(expired.enterpriseId()), NotificationType.DEMAND_EXPIRED,
                    List.of(demand(names), new Phrase.Day(expired.deadline()))));
        }
        return List.of();
    }

    public static List<Notice> of(MatchEvent event, Names names) {
        if (event instanceof MatchesProposed proposed) {
            return proposed.proposals().isEmpty() ? List.of(noQualifiedMatch(proposed, names))
                    : List.of(matches(proposed, names));
        }
        if (event instanceof ProviderInvited invited) {
            return List.of(new Notice(Recipient.provider(invited.providerId()), NotificationType.PROVIDER_INVITED,
                    List.of(demand(names), Phrase.Why.of(invited.explanation()))));
        }
        if (event instanceof MatchShortlisted shortlisted) {
            return List.of(new Notice(Recipient.provider(shortlisted.providerId()),
                    NotificationType.PROVIDER_SHORTLISTED, List.of(demand(names))));
        }
        if (event instanceof InvitationAccepted accepted) {
            return List.of(new Notice(Recipient.enterprise(accepted.enterpriseId()),
                    NotificationType.INVITATION_ACCEPTED,
                    List.of(new Phrase.Provider(names.providerName()), demand(names))));
        }
        if (event instanceof InvitationDeclined declined) {
            return List.of(new Notice(Recipient.enterprise(declined.enterpriseId()),
                    NotificationType.INVITATION_DECLINED, List.of(new Phrase.Provider(names.providerName()),
                            demand(names), new Phrase.Declined(declined.reason(), declined.note()))));
        }
        if (event instanceof ContractSigned signed) {
            return List.of(new Notice(Recipient.provider(signed.providerId()), NotificationType.CONTRACT_RECORDED,
                    List.of(demand(names), new Phrase.Mode(signed.mode()), new Phrase.Amount(signed.valueCny()),
                            new Phrase.Day(signed.signedOn()))));
        }
        if (event instanceof FeedbackGiven feedback) {
            // Each side hears about the rating the other side gave it.
            Recipient rated = feedback.givenBy() == Party.ENTERPRISE ? Recipient.provider(feedback.providerId())
                    : Recipient.enterprise(feedback.enterpriseId());
            return List.of(new Notice(rated, NotificationType.FEEDBACK_RECEIVED,
                    List.of(demand(names), new Phrase.Count(feedback.rating()))));
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

    /** The summary of a period: how many notifications, and the title of each, as the recipient read them. */
    public static Notice digest(Recipient recipient, List<String> titles) {
        return new Notice(recipient, NotificationType.DIGEST, List.of(new Phrase.Count(titles.size()),
                new Phrase.Verbatim(titles.stream().map(title -> "- " + title).collect(Collectors.joining("\n")))));
    }

    private static Phrase demand(Names names) {
        return new Phrase.Demand(names.demandTitle());
    }

    private static Notice matches(MatchesProposed proposed, Names names) {
        Proposal best = proposed.proposals().stream().min(Comparator.comparingInt(Proposal::rank)).orElseThrow();
        return new Notice(Recipient.enterprise(proposed.enterpriseId()), NotificationType.MATCHES_PROPOSED,
                List.of(demand(names), new Phrase.Count(proposed.proposals().size()),
                        new Phrase.Provider(best.providerName()), Phrase.Why.of(best.explanation())));
    }

    private static Notice noQualifiedMatch(MatchesProposed proposed, Names names) {
        return new Notice(Recipient.city(proposed.cityCode()), NotificationType.NO_QUALIFIED_MATCH,
                List.of(demand(names), new Phrase.Unmatched(UnmatchedReason.read(proposed.unmatchedReason()))));
    }
}
