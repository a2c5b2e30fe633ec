package cn.innovationchina.monitoring.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A pilot city's matchmaking over a period of days, computed from its facts alone. Counts take the facts whose day
 * falls in the period; the speed medians follow the demands published in the period up to its last day; open
 * demands are counted as of the period's last day.
 *
 * @param acceptanceRate               accepted invitations per invitation sent in the period, null without any
 * @param contractValueTotalCny        the contracts' values, but for a value above what a contract may be worth
 * @param medianContractValueCny       the middle contract value, the mean of the two middle ones for an even count
 * @param medianHoursToFirstProposal   from publication to the first proposal naming at least one provider
 * @param openDemandsByAge             published demands not yet closed, expired or withdrawn, by days since publication
 * @param topFieldsByDemands           technology fields by demands published, at most five
 * @param topFieldsByContractValue     technology fields of the contracted demands by contract value, at most five
 */
public record Figures(long demandsSubmitted, long demandsPublished, long demandsRejected, long demandsClosed,
        long demandsExpired, long demandsWithdrawn, Map<String, Long> openDemandsByAge, long proposals,
        long shortlists, long invitations, long acceptances, @Nullable Double acceptanceRate, long dockings,
        long contractsSigned, long contractValueTotalCny, @Nullable Double medianContractValueCny,
        @Nullable Double medianHoursToFirstProposal, @Nullable Double medianHoursToFirstAcceptance,
        @Nullable Double medianHoursToDocking, long crossRegionProposals, long crossRegionContracts,
        List<FieldFigure> topFieldsByDemands, List<FieldFigure> topFieldsByContractValue,
        long providersRegistered, long providersVerified, long notificationsDelivered, long notificationsFailed) {

    /** Ages of open demands, in days since publication. */
    public static final List<String> AGE_BANDS = List.of("0-7", "8-30", "31-90", "91+");
    static final List<String> ENDINGS = List.of("DemandClosed", "DemandExpired", "DemandWithdrawn");
    private static final int TOP = 5;

    public record FieldFigure(String fieldCode, long value) {
    }

    /** @param history the city's facts up to {@code to} at least; earlier ones give the open demands and speeds */
    public static Figures of(List<Fact> history, LocalDate from, LocalDate to) {
        List<Fact> period = history.stream().filter(fact -> fact.within(from, to)).toList();
        Map<String, List<Fact>> byDemand = byDemand(history, to);
        List<Fact> contracts = ofType(period, "ContractSigned");
        // A contract claiming more than a contract may be worth counts as signed, its value nowhere. Values at most
        // the bound keep every sum far within a long: it would take over nine million contracts at the bound.
        List<Fact> valued = contracts.stream().filter(Fact::valueCounted).toList();
        List<Fact> published = ofType(period, "DemandPublished");
        long invitations = count(period, "ProviderInvited");
        long acceptances = count(period, "InvitationAccepted");
        return new Figures(count(period, "DemandSubmitted"), published.size(), count(period, "DemandRejected"),
                count(period, "DemandClosed"), count(period, "DemandExpired"), count(period, "DemandWithdrawn"),
                openDemandsByAge(byDemand, to), sum(period, Fact::proposals), count(period, "MatchShortlisted"),
                invitations, acceptances, invitations == 0 ? null : (double) acceptances / invitations,
                count(period, "DockingStarted"), contracts.size(), valued.stream().mapToLong(Fact::valueCny).sum(),
                median(valued.stream().map(contract -> (double) contract.valueCny()).toList()),
                medianHours(published, byDemand, fact -> fact.is("MatchesProposed") && fact.proposals() > 0),
                medianHours(published, byDemand, fact -> fact.is("InvitationAccepted")),
                medianHours(published, byDemand, fact -> fact.is("DockingStarted")),
                sum(period, Fact::crossRegionProposals), contracts.stream().filter(Fact::crossRegion).count(),
                topFieldsByDemands(published), topFieldsByContractValue(valued, byDemand),
                count(period, "ProviderRegistered"), count(period, "ProviderVerified"),
                count(period, "NotificationDelivered"), count(period, "NotificationFailed"));
    }

    /** The facts about each demand, up to {@code asOf}. */
    static Map<String, List<Fact>> byDemand(List<Fact> history, LocalDate asOf) {
        return history.stream().filter(fact -> fact.demandId() != null && !fact.day().isAfter(asOf))
                .collect(Collectors.groupingBy(Fact::demandId, LinkedHashMap::new, Collectors.toList()));
    }

    /** Published and not yet closed, expired or withdrawn, by demand id, with their publication. */
    static Map<String, Fact> openDemands(Map<String, List<Fact>> byDemand) {
        Map<String, Fact> open = new LinkedHashMap<>();
        byDemand.forEach((demandId, facts) -> {
            Optional<Fact> publication = facts.stream().filter(fact -> fact.is("DemandPublished")).findFirst();
            boolean ended = facts.stream().anyMatch(fact -> ENDINGS.contains(fact.type()));
            publication.filter(p -> !ended).ifPresent(p -> open.put(demandId, p));
        });
        return open;
    }

    static long ageInDays(Fact publication, LocalDate asOf) {
        return ChronoUnit.DAYS.between(publication.day(), asOf);
    }

    private static Map<String, Long> openDemandsByAge(Map<String, List<Fact>> byDemand, LocalDate asOf) {
        Map<String, Long> bands = new LinkedHashMap<>();
        AGE_BANDS.forEach(band -> bands.put(band, 0L));
        openDemands(byDemand).values().forEach(publication -> bands.merge(band(ageInDays(publication, asOf)), 1L,
                Long::sum));
        return bands;
    }

    private static String band(long days) {
        if (days <= 7) {
            return AGE_BANDS.get(0);
        }
        if (days <= 30) {
            return AGE_BANDS.get(1);
        }
        return days <= 90 ? AGE_BANDS.get(2) : AGE_BANDS.get(3);
    }

    private static @Nullable Double medianHours(List<Fact> published, Map<String, List<Fact>> byDemand,
            Predicate<Fact> milestone) {
        List<Double> hours = new ArrayList<>();
        for (Fact publication : published) {
            byDemand.getOrDefault(publication.demandId(), List.of()).stream().filter(milestone)
                    .map(Fact::occurredAt).filter(at -> !at.isBefore(publication.occurredAt()))
                    .min(Comparator.naturalOrder())
                    .ifPresent(first -> hours.add(hoursBetween(publication.occurredAt(), first)));
        }
        return median(hours);
    }

    private static double hoursBetween(Instant start, Instant end) {
        return Duration.between(start, end).toMinutes() / 60.0;
    }

    static @Nullable Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static List<FieldFigure> topFieldsByDemands(List<Fact> published) {
        Map<String, Long> demands = new TreeMap<>();
        published.forEach(publication -> publication.fieldCodes()
                .forEach(field -> demands.merge(field, 1L, Long::sum)));
        return top(demands);
    }

    /** A contract counts for every field of its demand as last published or revised. */
    private static List<FieldFigure> topFieldsByContractValue(List<Fact> contracts, Map<String, List<Fact>> byDemand) {
        Map<String, Long> value = new TreeMap<>();
        for (Fact contract : contracts) {
            byDemand.getOrDefault(contract.demandId(), List.of()).stream()
                    .filter(fact -> fact.is("DemandPublished") || fact.is("DemandRevised"))
                    .max(Comparator.comparing(Fact::occurredAt))
                    .ifPresent(demand -> demand.fieldCodes()
                            .forEach(field -> value.merge(field, contract.valueCny(), Long::sum)));
        }
        return top(value);
    }

    private static List<FieldFigure> top(Map<String, Long> byField) {
        return byField.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP).map(entry -> new FieldFigure(entry.getKey(), entry.getValue())).toList();
    }

    private static List<Fact> ofType(List<Fact> facts, String type) {
        return facts.stream().filter(fact -> fact.is(type)).toList();
    }

    private static long count(List<Fact> facts, String type) {
        return facts.stream().filter(fact -> fact.is(type)).count();
    }

    private static long sum(List<Fact> facts, ToIntFunction<Fact> figure) {
        return facts.stream().mapToLong(figure::applyAsInt).sum();
    }
}
