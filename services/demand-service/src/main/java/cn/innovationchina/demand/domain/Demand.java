package cn.innovationchina.demand.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.ClosureReason;
import cn.innovationchina.events.DemandClosed;
import cn.innovationchina.events.DemandContent;
import cn.innovationchina.events.DemandExpired;
import cn.innovationchina.events.DemandPublished;
import cn.innovationchina.events.DemandRejected;
import cn.innovationchina.events.DemandRevised;
import cn.innovationchina.events.DemandSubmitted;
import cn.innovationchina.events.DemandWithdrawn;
import cn.innovationchina.events.EnterpriseRef;
import cn.innovationchina.platform.domain.Decision;
import cn.innovationchina.platform.problem.IllegalTransition;
import cn.innovationchina.platform.problem.InvalidInput;
import cn.innovationchina.reference.PilotCities;

/**
 * An enterprise's technology demand. Owned by the enterprise (organisation), not by the user who typed it.
 * Each transition returns the new state and the events it produced; an illegal one names both states.
 *
 * <p>{@code version} is the stored version this state was read at, the guard of the next write.
 */
public record Demand(String id, EnterpriseRef enterprise, String cityCode, DemandContent content,
        ContactPerson contact, DemandStatus status, int revision, @Nullable String rejectionReason,
        @Nullable ClosureReason closure, @Nullable String endNote, Instant createdAt, Instant updatedAt,
        @Nullable Instant publishedAt, long version) {

    /**
     * A demand is posted in its enterprise's city, where that city's review applies: naming another city is refused,
     * not quietly corrected. {@code requestedCity} may be left out.
     */
    public static Demand draft(String id, Enterprise enterprise, @Nullable String requestedCity,
            DemandContent content, ContactPerson contact, DemandRules rules, Clock clock) {
        stays(enterprise.cityCode(), requestedCity, "the city of your enterprise");
        rules.check(content, PilotCities.today(clock));
        Instant now = clock.instant();
        return new Demand(id, enterprise.ref(), enterprise.cityCode(), content, contact, DemandStatus.DRAFT, 0, null,
                null, null, now, now, null, 0);
    }

    /** The same state as stored at {@code storedVersion}. */
    public Demand atVersion(long storedVersion) {
        return new Demand(id, enterprise, cityCode, content, contact, status, revision, rejectionReason, closure,
                endNote, createdAt, updatedAt, publishedAt, storedVersion);
    }

    public String ownerId() {
        return enterprise.enterpriseId();
    }

    /**
     * Replaces the content: a draft is simply edited; a published demand is revised, stays published and is
     * matched again. Nothing else may change (the city keeps what it reviewed): another city is refused.
     */
    public Decision<Demand> change(@Nullable String requestedCity, DemandContent newContent,
            ContactPerson newContact, DemandRules rules, Clock clock) {
        if (status != DemandStatus.DRAFT && status != DemandStatus.PUBLISHED) {
            throw new IllegalTransition(status, DemandStatus.PUBLISHED);
        }
        stays(cityCode, requestedCity, "the city it was posted in");
        rules.check(newContent, PilotCities.today(clock));
        Instant now = clock.instant();
        if (status == DemandStatus.DRAFT) {
            return Decision.of(with(newContent, newContact, status, revision, now));
        }
        var revised = with(newContent, newContact, status, revision + 1, now);
        return Decision.of(revised, new DemandRevised(id, enterprise, cityCode, newContent, revised.revision(), now));
    }

    /** In a city without review the demand is published at once: both events, in one write. */
    public Decision<Demand> submit(boolean reviewRequired, Clock clock) {
        require(DemandStatus.DRAFT, DemandStatus.SUBMITTED);
        DemandRules.checkDeadline(content.deadline(), PilotCities.today(clock));
        var submitted = new DemandSubmitted(id, ownerId(), cityCode, content.title(), content.fieldCodes(),
                reviewRequired);
        Instant now = clock.instant();
        if (reviewRequired) {
            return Decision.of(with(content, contact, DemandStatus.SUBMITTED, revision, now), submitted);
        }
        var published = published(now);
        return Decision.of(published, submitted, publication(published));
    }

    public Decision<Demand> approve(Clock clock) {
        require(DemandStatus.SUBMITTED, DemandStatus.PUBLISHED);
        var published = published(clock.instant());
        return Decision.of(published, publication(published));
    }

    public Decision<Demand> reject(String reason, String rejectedBy, Clock clock) {
        require(DemandStatus.SUBMITTED, DemandStatus.REJECTED);
        var rejected = new Demand(id, enterprise, cityCode, content, contact, DemandStatus.REJECTED, revision,
                reason, null, null, createdAt, clock.instant(), publishedAt, version);
        return Decision.of(rejected, new DemandRejected(id, ownerId(), cityCode, reason, rejectedBy));
    }

    public Decision<Demand> withdraw(@Nullable String reason, Clock clock) {
        require(DemandStatus.PUBLISHED, DemandStatus.WITHDRAWN);
        return Decision.of(ended(DemandStatus.WITHDRAWN, null, reason, clock),
                new DemandWithdrawn(id, ownerId(), cityCode, reason));
    }

    public Decision<Demand> close(ClosureReason reason, @Nullable String note, Clock clock) {
        require(DemandStatus.PUBLISHED, DemandStatus.CLOSED);
        return Decision.of(ended(DemandStatus.CLOSED, reason, note, clock),
                new DemandClosed(id, ownerId(), cityCode, reason, note));
    }

    /** Whether the expiry job should end this demand: published, and its deadline day is over. */
    public boolean isDue(LocalDate today) {
        return status == DemandStatus.PUBLISHED && content.deadline().isBefore(today);
    }

    public Decision<Demand> expire(Clock clock) {
        require(DemandStatus.PUBLISHED, DemandStatus.EXPIRED);
        if (!isDue(PilotCities.today(clock))) {
            throw new IllegalStateException("Demand " + id + " is not due before " + content.deadline());
        }
        return Decision.of(ended(DemandStatus.EXPIRED, null, null, clock),
                new DemandExpired(id, ownerId(), cityCode, content.deadline()));
    }

    private static void stays(String city, @Nullable String requestedCity, String which) {
        if (requestedCity != null && !requestedCity.equals(city)) {
            throw new InvalidInput("cityCode", "must be " + city + ", " + which
                    + ": a demand is reviewed and counted where its enterprise is");
        }
    }

    private void require(DemandStatus from, DemandStatus to) {
        if (status != from) {
            throw new IllegalTransition(status, to);
        }
    }

    private Demand with(DemandContent newContent, ContactPerson newContact, DemandStatus newStatus, int newRevision,
            Instant now) {
        return new Demand(id, enterprise, cityCode, newContent, newContact, newStatus, newRevision, rejectionReason,
                closure, endNote, createdAt, now, publishedAt, version);
    }

    private Demand published(Instant now) {
        return new Demand(id, enterprise, cityCode, content, contact, DemandStatus.PUBLISHED, revision, null, null,
                null, createdAt, now, now, version);
    }

    private Demand ended(DemandStatus end, @Nullable ClosureReason reason, @Nullable String note, Clock clock) {
        return new Demand(id, enterprise, cityCode, content, contact, end, revision, rejectionReason, reason, note,
                createdAt, clock.instant(), publishedAt, version);
    }

    private DemandPublished publication(Demand published) {
        return new DemandPublished(id, enterprise, cityCode, content, published.publishedAt());
    }
}
