package cn.innovationchina.demand.application;

import cn.innovationchina.demand.domain.Demand;
import cn.innovationchina.demand.domain.DemandStatus;
import cn.innovationchina.events.Visibility;
import cn.innovationchina.platform.security.PlatformUser;

/** How much of a demand a caller sees. */
public enum Exposure {
    /** Not even that it exists: the caller gets a 404. */
    HIDDEN,
    /** Title, fields and city: a confidential demand, to an expert not invited to it. */
    SUMMARY,
    /**
     * Everything but the contact person: a published demand, to an expert (invited, if it is confidential); and to
     * an invited expert also once it is closed, expired or withdrawn.
     */
    WITHOUT_CONTACT,
    /** Everything: the owning enterprise and the administrators of its city. */
    FULL;

    /**
     * Drafts are their enterprise's alone. Experts see published demands only; a confidential one stays a summary
     * unless matching invited the expert's provider to it. An invited provider keeps reading the demand it worked on
     * after it ends (closed, expired or withdrawn); other experts no longer see it (ADR 0007).
     */
    public static Exposure of(PlatformUser user, Demand demand, boolean invited) {
        return switch (user.role()) {
            case ENTERPRISE -> user.actsFor(demand.ownerId()) ? FULL : HIDDEN;
            case CITY_ADMIN, PLATFORM_ADMIN ->
                    user.administers(demand.cityCode()) && demand.status() != DemandStatus.DRAFT ? FULL : HIDDEN;
            case EXPERT -> invited && wasPublished(demand.status()) ? WITHOUT_CONTACT
                    : demand.status() != DemandStatus.PUBLISHED ? HIDDEN
                    : demand.content().visibility() == Visibility.CONFIDENTIAL ? SUMMARY : WITHOUT_CONTACT;
        };
    }

    /** Published now or before it ended: the states in which matching may have invited a provider to it. */
    private static boolean wasPublished(DemandStatus status) {
        return switch (status) {
            case PUBLISHED, CLOSED, WITHDRAWN, EXPIRED -> true;
            case DRAFT, SUBMITTED, REJECTED -> false;
        };
    }
}
