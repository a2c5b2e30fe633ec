package cn.innovationchina.monitoring.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.innovationchina.monitoring.domain.AttentionItem;
import cn.innovationchina.monitoring.domain.Fact;
import cn.innovationchina.monitoring.domain.Figures;
import cn.innovationchina.monitoring.domain.Granularity;
import cn.innovationchina.monitoring.domain.PilotCity;
import cn.innovationchina.monitoring.domain.ProviderLoad;
import cn.innovationchina.monitoring.persistence.Facts;
import cn.innovationchina.monitoring.persistence.PilotCityList;
import cn.innovationchina.platform.problem.InvalidInput;
import cn.innovationchina.platform.problem.NotFound;
import cn.innovationchina.platform.security.PlatformUser;
import cn.innovationchina.reference.PilotCities;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reports of a pilot city's matchmaking and the ranking of cities, computed from the stored facts. */
@Service
public class CityReports {

    private final Facts facts;
    private final PilotCityList cities;
    private final int attentionAfterDays;
    private final int maxRangeDays;
    private final FigureUpdates updates;
    private final Clock clock;

    CityReports(Facts facts, PilotCityList cities, FigureUpdates updates, Clock clock,
            @Value("${monitoring.attention-after-days}") int attentionAfterDays,
            @Value("${monitoring.max-range-days}") int maxRangeDays) {
        this.facts = facts;
        this.cities = cities;
        this.attentionAfterDays = attentionAfterDays;
        this.maxRangeDays = maxRangeDays;
        this.updates = updates;
        this.clock = clock;
    }

    public record Range(LocalDate from, LocalDate to, Granularity granularity) {
    }

    public record PeriodFigures(LocalDate start, LocalDate end, Figures figures) {
    }

    public record CityReport(PilotCity city, Range range, Figures total, List<PeriodFigures> periods,
            List<AttentionItem> attention, ProviderLoad providers) {
    }

    public record CityRank(int rank, PilotCity city, Figures figures) {
    }

    /**
     * Another city's report, or an unknown city's, is not found: its existence is not the caller's business. What
     * is "now" in a report (the open demands by age of the total and of each period, the attention list, the
     * providers' load) is as of the range's or the period's end, or today in China while it has not ended: a demand
     * published minutes ago is 0 days old, whichever figures tell it.
     */
    public Mono<CityReport> report(PlatformUser user, String cityCode, Range range) {
        return cities.find(cityCode).filter(known -> user.administers(known.code()))
                .switchIfEmpty(Mono.error(() -> new NotFound("pilot city", cityCode)))
                .flatMap(city -> report(city, range));
    }

    private Mono<CityReport> report(PilotCity city, Range range) {
        LocalDate today = today();
        LocalDate asOf = earlier(range.to(), today);
        return facts.ofCity(city.code(), range.to()).collectList().flatMap(history ->
                providerFacts(history, asOf).map(providerFacts -> new CityReport(city, range,
                        Figures.of(history, range.from(), asOf),
                        range.granularity().periods(range.from(), range.to()).stream()
                                .map(period -> new PeriodFigures(period.start(), period.end(),
                                        Figures.of(history, period.start(), earlier(period.end(), today))))
                                .toList(),
                        AttentionItem.of(history, asOf, attentionAfterDays),
                        ProviderLoad.of(history, providerFacts, asOf))));
    }

    /**
     * The day a range or a period is measured at: its end, or today while it has not ended, never a day to come. One
     * that has not begun is measured today too, and counts nothing: no fact lies ahead of today.
     */
    private static LocalDate earlier(LocalDate end, LocalDate today) {
        return today.isBefore(end) ? today : end;
    }

    private LocalDate today() {
        return PilotCities.today(clock);
    }

    private Mono<List<Fact>> providerFacts(List<Fact> history, LocalDate to) {
        Set<String> providers = ProviderLoad.providersOf(history, to).keySet();
        return providers.isEmpty() ? Mono.just(List.of()) : facts.naming(providers, to).collectList();
    }

    /** The report now, then again after each new fact of the city; a burst of facts gives one report. */
    public Flux<CityReport> live(PlatformUser user, String cityCode, Range range) {
        return Mono.defer(() -> report(user, cityCode, range)).flatMapMany(first -> Flux.just(first)
                .concatWith(updates.of(first.city().code()).concatMap(city -> report(user, city, range), 1)));
    }

    /**
     * Every pilot city, those without a fact yet too, by contract value, then contracts signed, then dockings; each
     * city's figures as of the range's end, or today while it has not ended, as in its report.
     */
    public Mono<List<CityRank>> ranking(LocalDate from, LocalDate to) {
        LocalDate asOf = earlier(to, today());
        return Mono.zip(cities.all().collectList(), facts.upTo(to).collectList()).map(known -> {
            Map<String, List<Fact>> byCity = known.getT2().stream().collect(Collectors.groupingBy(Fact::cityCode));
            List<Map.Entry<PilotCity, Figures>> figures = known.getT1().stream()
                    .map(city -> Map.entry(city, Figures.of(byCity.getOrDefault(city.code(), List.of()), from,
                            asOf)))
                    .sorted(Comparator.comparing((Map.Entry<PilotCity, Figures> entry) ->
                                    entry.getValue().contractValueTotalCny()).reversed()
                            .thenComparing(entry -> entry.getValue().contractsSigned(), Comparator.reverseOrder())
                            .thenComparing(entry -> entry.getValue().dockings(), Comparator.reverseOrder())
                            .thenComparing(entry -> entry.getKey().code()))
                    .toList();
            return IntStream.range(0, figures.size())
                    .mapToObj(i -> new CityRank(i + 1, figures.get(i).getKey(), figures.get(i).getValue())).toList();
        });
    }

    /** Reads the range parameters; a bad one is a 400 naming it. */
    public Range range(String from, String to, String granularity) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw new InvalidInput("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(start, end) >= maxRangeDays) {
            throw new InvalidInput("to", "the range may cover at most " + maxRangeDays + " days");
        }
        try {
            return new Range(start, end, Granularity.valueOf(granularity.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("granularity", "must be day, week or month");
        }
    }

    private static LocalDate date(String parameter, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(parameter, "must be a date like 2026-03-01");
        }
    }
}
