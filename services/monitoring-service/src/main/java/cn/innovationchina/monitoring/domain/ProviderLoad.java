package cn.innovationchina.monitoring.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A pilot city's providers as of a day: overloaded (accepted engagements not yet closed reach their capacity) and
 * idle (verified, yet not proposed for any demand in the last 30 days).
 */
public record ProviderLoad(List<String> overloaded, List<String> idle) {

    public static final int IDLE_DAYS = 30;
    private static final List<String> PROFILES = List.of("ProviderRegistered", "ProviderProfileUpdated");

    /** The active providers whose profile last placed them in the city, by id, with that profile's fact. */
    public static Map<String, Fact> providersOf(List<Fact> cityFacts, LocalDate asOf) {
        Set<String> deactivated = cityFacts.stream()
                .filter(fact -> fact.is("ProviderDeactivated") && !fact.day().isAfter(asOf))
                .map(Fact::providerId).collect(Collectors.toSet());
        Map<String, Fact> profiles = new LinkedHashMap<>();
        cityFacts.stream().filter(fact -> PROFILES.contains(fact.type()) && !fact.day().isAfter(asOf))
                .filter(fact -> !deactivated.contains(fact.providerId()))
                .sorted(Comparator.comparing(Fact::occurredAt))
                .forEach(fact -> profiles.put(fact.providerId(), fact));
        return profiles;
    }

    /**
     * @param cityFacts     the city's facts, where its providers' own events are
     * @param providerFacts the facts naming those providers, from every city's demands
     */
    public static ProviderLoad of(List<Fact> cityFacts, List<Fact> providerFacts, LocalDate asOf) {
        Map<String, Fact> providers = providersOf(cityFacts, asOf);
        List<Fact> upTo = providerFacts.stream().filter(fact -> !fact.day().isAfter(asOf)).toList();
        LocalDate idleSince = asOf.minusDays(IDLE_DAYS);
        List<String> overloaded = providers.entrySet().stream()
                .filter(entry -> engagements(upTo, entry.getKey()) >= entry.getValue().capacity())
                .map(Map.Entry::getKey).sorted().toList();
        List<String> idle = providers.entrySet().stream()
                .filter(entry -> entry.getValue().verified() || cityFacts.stream().anyMatch(fact ->
                        fact.is("ProviderVerified") && entry.getKey().equals(fact.providerId())
                                && !fact.day().isAfter(asOf)))
                .filter(entry -> upTo.stream().noneMatch(fact -> fact.is("MatchesProposed")
                        && fact.day().isAfter(idleSince) && fact.proposedProviderIds().contains(entry.getKey())))
                .map(Map.Entry::getKey).sorted().toList();
        return new ProviderLoad(overloaded, idle);
    }

    private static long engagements(List<Fact> facts, String providerId) {
        long accepted = facts.stream().filter(fact -> fact.is("InvitationAccepted")
                && providerId.equals(fact.providerId())).count();
        long closed = facts.stream().filter(fact -> fact.is("EngagementClosed")
                && providerId.equals(fact.providerId())).count();
        return accepted - closed;
    }
}
