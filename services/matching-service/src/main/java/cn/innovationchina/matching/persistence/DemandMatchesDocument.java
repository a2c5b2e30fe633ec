package cn.innovationchina.matching.persistence;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

import cn.innovationchina.events.MatchExplanation;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.matching.domain.DemandMatches;
import cn.innovationchina.matching.domain.Match;
import cn.innovationchina.matching.domain.MatchStatus;

/**
 * A demand's matches as stored, {@code _id} = the demand id. The names written here are the schema: renaming a
 * component of {@link DemandMatches} or {@link Match}, or a constant of {@link MatchStatus}, changes no stored data.
 * The platform's {@code AggregateStore} adds {@code version}, {@code outbox} and {@code outboxLease} beside these
 * fields. The explanation is the event contract's {@link MatchExplanation}, whose names its schema check already
 * keeps. Documents written when the domain record was stored as it is have these same names and are read alike.
 */
@Document(DemandMatchesDocument.COLLECTION)
record DemandMatchesDocument(
        @Id String id,
        @Field("enterpriseId") String enterpriseId,
        @Field("cityCode") String cityCode,
        @Field("rankedDemandVersion") long rankedDemandVersion,
        @Field("matches") @Nullable List<MatchDocument> matches,
        @Field("ended") boolean ended,
        @Field(VERSION) @Nullable Long version) {

    static final String COLLECTION = "demandMatches";
    static final String VERSION = "version";
    /** The path reverse matching and a provider's invitations look a provider up by (indexed). */
    static final String MATCHED_PROVIDER = "matches.providerId";
    /** The array of matches, and the names inside one match that a query on it names. */
    static final String MATCHES = "matches";
    static final String PROVIDER = "providerId";
    static final String STATUS = "status";

    /** One match of the demand. */
    record MatchDocument(
            @Field("matchId") String matchId,
            @Field("providerId") String providerId,
            @Field("providerName") String providerName,
            @Field("providerKind") ProviderKind providerKind,
            @Field("providerCityCode") @Nullable String providerCityCode,
            @Field("providerDivisionCode") @Nullable String providerDivisionCode,
            @Field("rank") int rank,
            @Field("score") double score,
            @Field("explanation") MatchExplanation explanation,
            @Field("status") String status,
            @Field("enterpriseGaveFeedback") boolean enterpriseGaveFeedback,
            @Field("providerGaveFeedback") boolean providerGaveFeedback,
            @Field("invitationMessage") @Nullable String invitationMessage) {

        static MatchDocument of(Match match) {
            return new MatchDocument(match.matchId(), match.providerId(), match.providerName(), match.providerKind(),
                    match.providerCityCode(), match.providerDivisionCode(), match.rank(), match.score(),
                    match.explanation(), storedStatus(match.status()), match.enterpriseGaveFeedback(),
                    match.providerGaveFeedback(), match.invitationMessage());
        }

        Match toDomain() {
            return new Match(matchId, providerId, providerName, providerKind, providerCityCode, providerDivisionCode,
                    rank, score, explanation, statusOf(status), enterpriseGaveFeedback, providerGaveFeedback,
                    invitationMessage);
        }
    }

    /** Never stored with a version: the store writes the version the decision leads to. */
    static DemandMatchesDocument of(DemandMatches matches) {
        return new DemandMatchesDocument(matches.id(), matches.enterpriseId(), matches.cityCode(),
                matches.rankedDemandVersion(), matches.matches().stream().map(MatchDocument::of).toList(),
                matches.ended(), null);
    }

    DemandMatches toDomain() {
        return new DemandMatches(id, enterpriseId, cityCode, rankedDemandVersion,
                matches == null ? List.of() : matches.stream().map(MatchDocument::toDomain).toList(), ended,
                version == null ? 0 : version);
    }

    /** How each status is written: a new status fails compilation here until it has its stored name. */
    static String storedStatus(MatchStatus status) {
        return switch (status) {
            case PROPOSED -> "PROPOSED";
            case SHORTLISTED -> "SHORTLISTED";
            case DISMISSED -> "DISMISSED";
            case INVITED -> "INVITED";
            case ACCEPTED -> "ACCEPTED";
            case DECLINED -> "DECLINED";
            case DOCKING -> "DOCKING";
            case CONTRACTED -> "CONTRACTED";
            case CLOSED -> "CLOSED";
        };
    }

    static MatchStatus statusOf(String stored) {
        return switch (stored) {
            case "PROPOSED" -> MatchStatus.PROPOSED;
            case "SHORTLISTED" -> MatchStatus.SHORTLISTED;
            case "DISMISSED" -> MatchStatus.DISMISSED;
            case "INVITED" -> MatchStatus.INVITED;
            case "ACCEPTED" -> MatchStatus.ACCEPTED;
            case "DECLINED" -> MatchStatus.DECLINED;
            case "DOCKING" -> MatchStatus.DOCKING;
            case "CONTRACTED" -> MatchStatus.CONTRACTED;
            case "CLOSED" -> MatchStatus.CLOSED;
            default -> throw new IllegalStateException("Stored match status " + stored + " is not known");
        };
    }
}
