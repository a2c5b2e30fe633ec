package cn.innovationchina.demand.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.innovationchina.demand.application.Exposure;
import cn.innovationchina.demand.application.Listing;
import cn.innovationchina.demand.domain.ContactPerson;
import cn.innovationchina.demand.domain.Demand;
import cn.innovationchina.demand.domain.DemandStatus;
import cn.innovationchina.events.BudgetRange;
import cn.innovationchina.events.ClosureReason;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.Visibility;

/** A demand as one caller sees it: what the caller may not see is absent, not blanked. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DemandView(String id, DemandStatus status, String cityCode, String title, List<String> fieldCodes,
        Visibility visibility, Enterprise enterprise, String background, List<String> keyProblems,
        String targetOutcomes, List<String> keywords, List<CooperationMode> cooperationModes, BudgetRange budget,
        LocalDate deadline, String industry, ContactPerson contact, Integer revision, String rejectionReason,
        ClosureReason closure, String endNote, Instant createdAt, Instant updatedAt, Instant publishedAt,
        Long version) {

    record Enterprise(String id, String name) {
    }

    static DemandView of(Listing.Seen seen) {
        Demand demand = seen.demand();
        var content = demand.content();
        if (seen.exposure() == Exposure.SUMMARY) {
            return new DemandView(demand.id(), demand.status(), demand.cityCode(), content.title(),
                    content.fieldCodes(), content.visibility(), null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null);
        }
        boolean full = seen.exposure() == Exposure.FULL;
        return new DemandView(demand.id(), demand.status(), demand.cityCode(), content.title(), content.fieldCodes(),
                content.visibility(), new Enterprise(demand.ownerId(), demand.enterprise().name()),
                content.background(), content.keyProblems(), content.targetOutcomes(), content.keywords(),
                content.cooperationModes(), content.budget(), content.deadline(), content.industry(),
                full ? demand.contact() : null, demand.revision(), demand.rejectionReason(), demand.closure(),
                demand.endNote(), demand.createdAt(), demand.updatedAt(), demand.publishedAt(),
                full ? demand.version() : null);
    }
}
