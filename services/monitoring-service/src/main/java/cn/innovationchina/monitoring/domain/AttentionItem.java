package cn.innovationchina.monitoring.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A published demand its city administrator must act on: nobody qualified for it, or it is still without a
 * shortlist or an accepted invitation after the configured number of days.
 */
public record AttentionItem(String demandId, String title, LocalDate publishedOn, long ageInDays,
        List<Reason> reasons) {

    public enum Reason {
        NO_QUALIFIED_MATCH,
        NO_SHORTLIST,
        NO_ACCEPTANCE
    }

    /** The open demands of {@code history} (facts up to {@code asOf}) that need attention, oldest first. */
    public static List<AttentionItem> of(List<Fact> history, LocalDate asOf, int afterDays) {
        Map<String, List<Fact>> byDemand = Figures.byDemand(history, asOf);
        List<AttentionItem> items = new ArrayList<>();
        Figures.openDemands(byDemand).forEach((demandId, publication) -> {
            List<Fact> facts = byDemand.get(demandId);
            long age = Figures.ageInDays(publication, asOf);
            List<Reason> reasons = new ArrayList<>();
            boolean proposed = facts.stream().anyMatch(fact -> fact.is("MatchesProposed"));
            if (proposed && facts.stream().noneMatch(fact -> fact.is("MatchesProposed") && fact.proposals() > 0)) {
                reasons.add(Reason.NO_QUALIFIED_MATCH);
            }
            if (age >= afterDays && facts.stream().noneMatch(fact -> fact.is("MatchShortlisted"))) {
                reasons.add(Reason.NO_SHORTLIST);
            }
            if (age >= afterDays && facts.stream().noneMatch(fact -> fact.is("InvitationAccepted"))) {
                reasons.add(Reason.NO_ACCEPTANCE);
            }
            if (!reasons.isEmpty()) {
                items.add(new AttentionItem(demandId, latestTitle(facts), publication.day(), age, reasons));
            }
        });
        items.sort(Comparator.comparing(AttentionItem::publishedOn).thenComparing(AttentionItem::demandId));
        return items;
    }

    private static String latestTitle(List<Fact> facts) {
        return facts.stream().filter(fact -> fact.title() != null).max(Comparator.comparing(Fact::occurredAt))
                .map(Fact::title).orElse("");
    }
}
