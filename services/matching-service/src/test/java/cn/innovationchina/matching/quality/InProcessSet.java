package cn.innovationchina.matching.quality;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.innovationchina.events.BudgetRange;
import cn.innovationchina.events.DemandContent;
import cn.innovationchina.events.EnterpriseRef;
import cn.innovationchina.events.ProviderProfile;
import cn.innovationchina.matching.domain.Demand;
import cn.innovationchina.matching.domain.Provider;
import cn.innovationchina.matching.domain.TrackRecord;
import cn.innovationchina.reference.PilotCities;
import cn.innovationchina.testkit.quality.LabelledSet;

/**
 * A labelled set ({@link LabelledSet}, the reader the end-to-end run uses too) as matching's domain sees it, for the
 * in-process harness and the benchmark: each provider's profile as its expert would write it, each demand as its
 * enterprise would publish it from the pilot city it names (the budget and deadline are the harness's own, as in
 * the end-to-end run), and the set's engagements under way as accepted invitations in the track record.
 */
record InProcessSet(String name, LabelledSet labelled, Map<String, ProviderEntry> providers,
        List<DemandEntry> demands) {

    /** The first hand-written set (ADR 0021), the fast regression. */
    static final Path FIRST = Path.of("src/test/resources/quality/set");
    /** The second set, written by another hand (ADR 0037); the test runs from the module's folder. */
    static final Path SECOND = Path.of("../../infra/quality/sets/second");
    /** The third set, by a third hand that never saw the ranking (ADR 0065). */
    static final Path THIRD = Path.of("../../infra/quality/sets/third");
    /** The third set with every provider writing Chinese in traditional characters (ADR 0084). */
    static final Path THIRD_TRADITIONAL = Path.of("../../infra/quality/sets/third-traditional");
    /** The fourth set, by a fourth hand, written after every ranking change so far (ADR 0096). */
    static final Path FOURTH = Path.of("../../infra/quality/sets/fourth");

    record ProviderEntry(String id, ProviderProfile profile, int activeEngagements) {

        Provider provider() {
            return new Provider(id, profile, true, 1);
        }

        TrackRecord trackRecord() {
            List<String> engaged = new ArrayList<>();
            for (int i = 0; i < activeEngagements; i++) {
                engaged.add("engagement-" + i);
            }
            return new TrackRecord(id, engaged, List.of(), Map.of(), engaged, List.of());
        }
    }

    record DemandEntry(LabelledSet.Demand labelled, Demand demand) {

        String id() {
            return labelled.id();
        }
    }

    static InProcessSet first() {
        return of("first", LabelledSet.readFolder(FIRST));
    }

    static InProcessSet second() {
        return of("second", LabelledSet.readFolder(SECOND));
    }

    static InProcessSet third() {
        return of("third", LabelledSet.readFolder(THIRD));
    }

    static InProcessSet thirdTraditional() {
        return of("third-traditional", LabelledSet.readFolder(THIRD_TRADITIONAL));
    }

    static InProcessSet fourth() {
        return of("fourth", LabelledSet.readFolder(FOURTH));
    }

    static InProcessSet of(String name, LabelledSet set) {
        var cities = PilotCities.standard();
        Map<String, ProviderEntry> providers = new LinkedHashMap<>();
        for (var p : set.providers()) {
            String city = p.place().cityCode();
            String division = city == null ? p.place().divisionCode()
                    : cities.find(city).orElseThrow(() -> new IllegalArgumentException(p.id()
                            + ": not a pilot city: " + city)).divisionCode();
            var profile = new ProviderProfile(p.name(), p.kind(), p.affiliation(), p.affiliationCreditCode(),
                    p.title(), p.fieldCodes(), p.skills(), p.keywords(), p.summary(), p.achievements(), p.modes(),
                    city, division, p.regions(), p.languages(), p.capacity(), p.availability(), null,
                    p.conflictCreditCodes(), p.memberOf(), p.verified());
            providers.put(p.id(), new ProviderEntry(p.id(), profile, p.activeEngagements()));
        }
        List<DemandEntry> demands = new ArrayList<>();
        for (var d : set.demands()) {
            var city = cities.find(d.cityCode()).orElseThrow(() -> new IllegalArgumentException(d.id()
                    + ": not a pilot city: " + d.cityCode()));
            var content = new DemandContent(d.title(), d.background(), d.problems(), d.outcomes(), d.fieldCodes(),
                    d.keywords(), d.modes(), new BudgetRange(100_000L, 1_000_000L), LocalDate.of(2027, 12, 31),
                    d.visibility(), null);
            var enterprise = new EnterpriseRef("E-" + d.id(), d.enterprise().name(), d.enterprise().creditCode(),
                    city.divisionCode());
            demands.add(new DemandEntry(d, new Demand(d.id(), enterprise, d.cityCode(), content, true, 1)));
        }
        return new InProcessSet(name, set, providers, demands);
    }

    ProviderEntry provider(String id) {
        return providers.get(id);
    }
}
