package cn.innovationchina.quality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.Achievement;
import cn.innovationchina.events.Availability;
import cn.innovationchina.testkit.quality.LabelledSet;

/**
 * What the public APIs are sent for a labelled set: a provider's profile as its expert writes it, an enterprise's
 * registration and a demand as its enterprise drafts it. Where the set says something the APIs cannot take as it
 * is, the request says it the nearest way they can, and {@link #adaptations()} counts each kind:
 * <ul>
 * <li>credit codes get a valid check character ({@link CreditCodes});</li>
 * <li>engagements under way cannot be created without whole matching journeys, so a provider's capacity is sent
 * as its free capacity (capacity − active) when that is above 0, and otherwise as it is with availability BUSY;</li>
 * <li>membership of an organisation that is no provider (the set names an enterprise) cannot be set through the
 * API, so it becomes a conflict with that enterprise's credit code, which is what it means for matching;</li>
 * <li>a patent needs its number: the set gives titles only, so each gets a neutral one ({@code CN000000001});</li>
 * <li>a skill or keyword over the APIs' 100 characters is split at a word boundary; a demand without problems
 * states its title as its problem.</li>
 * </ul>
 */
final class ApiRequests {

    static final int MAX_TERM = 100;

    /**
     * A provider's profile and the availability it is then set to, if not AVAILABLE; on leave, it is back only
     * on the day its demands' deadlines fall, after the run.
     */
    record ProviderRequest(String id, Map<String, Object> profile, @Nullable Availability availability,
            LocalDate backOn, boolean verified) {

        Map<String, Object> availabilityChange() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("availability", String.valueOf(availability));
            if (availability == Availability.ON_LEAVE) {
                body.put("until", backOn.toString());
            }
            return body;
        }
    }

    record EnterpriseRequest(String organisationId, String cityCode, Map<String, Object> registration) {
    }

    record DemandRequest(String id, String organisationId, String cityCode, Map<String, Object> body) {
    }

    private final LabelledSet set;
    private final CreditCodes creditCodes = new CreditCodes();
    private final Map<String, Integer> adaptations = new LinkedHashMap<>();
    private int patents;
    private final LocalDate deadline;
    private final List<ProviderRequest> providers;
    private final List<EnterpriseRequest> enterprises;
    private final List<DemandRequest> demands;

    ApiRequests(LabelledSet set, LocalDate today) {
        this.set = set;
        // Every demand stays open for the whole run, whatever day it runs on.
        this.deadline = today.plusYears(1);
        // Codes are decided in the set's order, so every run sends the same ones.
        set.providers().forEach(p -> {
            if (p.affiliationCreditCode() != null) {
                creditCodes.valid(p.affiliationCreditCode());
            }
            p.conflictCreditCodes().forEach(creditCodes::valid);
        });
        set.demands().forEach(d -> creditCodes.valid(d.enterprise().creditCode()));
        this.providers = set.providers().stream().map(this::provider).toList();
        this.enterprises = registrations();
        this.demands = set.demands().stream().map(this::demand).toList();
    }

    List<ProviderRequest> providers() {
        return providers;
    }

    List<EnterpriseRequest> enterprises() {
        return enterprises;
    }

    List<DemandRequest> demands() {
        return demands;
    }

    /** One registration per credit code, in the city of its enterprise's first demand. */
    private List<EnterpriseRequest> registrations() {
        Map<String, EnterpriseRequest> byCode = new LinkedHashMap<>();
        for (var demand : set.demands()) {
            String code = creditCodes.valid(demand.enterprise().creditCode());
            byCode.computeIfAbsent(code, c -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("name", demand.enterprise().name());
                body.put("creditCode", c);
                body.put("cityCode", demand.cityCode());
                body.put("industry", demand.fieldCodes().get(0));
                body.put("size", "SMALL");
                return new EnterpriseRequest(organisationId(demand), demand.cityCode(), body);
            });
        }
        return List.copyOf(byCode.values());
    }

    /** How many times each adaptation was made, for the report. */
    Map<String, Integer> adaptations() {
        return new LinkedHashMap<>(adaptations);
    }

    String organisationId(LabelledSet.Demand demand) {
        return "ent-" + creditCodes.valid(demand.enterprise().creditCode());
    }

    private ProviderRequest provider(LabelledSet.Provider provider) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("name", provider.name());
        profile.put("kind", provider.kind().name());
        putIfPresent(profile, "affiliation", provider.affiliation());
        if (provider.affiliationCreditCode() != null) {
            profile.put("affiliationCreditCode", creditCodes.valid(provider.affiliationCreditCode()));
        }
        putIfPresent(profile, "title", provider.title());
        profile.put("fieldCodes", provider.fieldCodes());
        profile.put("skills", terms(provider.skills(), "skill"));
        profile.put("keywords", terms(provider.keywords(), "keyword"));
        if (provider.summary().isBlank()) {
            count("provider without a summary states its name as its summary");
        }
        profile.put("summary", provider.summary().isBlank() ? provider.name() : provider.summary());
        profile.put("achievements", provider.achievements().stream().map(this::achievement).toList());
        profile.put("services", provider.modes().stream().map(Enum::name).toList());
        putIfPresent(profile, "cityCode", provider.place().cityCode());
        putIfPresent(profile, "divisionCode", provider.place().divisionCode());
        profile.put("regionsServed", provider.regions());
        profile.put("languages", provider.languages());
        Availability availability = provider.availability();
        if (provider.freeCapacity() > 0) {
            profile.put("capacity", provider.freeCapacity());
            if (provider.activeEngagements() > 0) {
                count("capacity sent as free capacity (capacity − active engagements)");
            }
        } else {
            profile.put("capacity", Math.max(1, provider.capacity()));
            if (availability == Availability.AVAILABLE) {
                availability = Availability.BUSY;
                count("full capacity sent as availability BUSY");
            }
        }
        profile.put("conflictCreditCodes", conflicts(provider));
        return new ProviderRequest(provider.id(), profile,
                availability == Availability.AVAILABLE ? null : availability, deadline, provider.verified());
    }

    private List<String> conflicts(LabelledSet.Provider provider) {
        Set<String> codes = new LinkedHashSet<>();
        provider.conflictCreditCodes().forEach(code -> codes.add(creditCodes.valid(code)));
        if (provider.memberOf() != null) {
            String member = plain(provider.memberOf());
            set.demands().stream().filter(d -> plain(d.enterprise().name()).equals(member))
                    .map(d -> creditCodes.valid(d.enterprise().creditCode())).distinct().forEach(code -> {
                        if (codes.add(code)) {
                            count("membership of an enterprise sent as a conflict with its credit code");
                        }
                    });
        }
        return List.copyOf(codes);
    }

    private Map<String, Object> achievement(Achievement achievement) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", achievement.kind().name());
        body.put("title", achievement.title());
        if (achievement.kind() == Achievement.Kind.PATENT) {
            body.put("reference", String.format(Locale.ROOT, "CN%09d", ++patents));
            count("patent given a neutral number");
        }
        return body;
    }

    private DemandRequest demand(LabelledSet.Demand demand) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", demand.title());
        body.put("background", demand.background());
        List<String> problems = demand.problems();
        if (problems.isEmpty()) {
            problems = List.of(demand.title());
            count("demand without problems states its title as its problem");
        }
        body.put("keyProblems", problems);
        body.put("targetOutcomes", demand.outcomes());
        body.put("fieldCodes", demand.fieldCodes());
        body.put("keywords", terms(demand.keywords(), "keyword"));
        body.put("cooperationModes", demand.modes().stream().map(Enum::name).toList());
        // As the in-process harness: one budget for every demand, which the set does not judge on.
        body.put("budget", Map.of("minCny", 100_000, "maxCny", 1_000_000));
        body.put("deadline", deadline.toString());
        body.put("visibility", demand.visibility().name());
        body.put("cityCode", demand.cityCode());
        body.put("contact", Map.of("name", "Quality run", "phone", "+86 10 0000 0000",
                "email", "quality@example.cn"));
        return new DemandRequest(demand.id(), organisationId(demand), demand.cityCode(), body);
    }

    /** Terms over the APIs' limit are split at the last space or punctuation within it (else at the limit). */
    private List<String> terms(List<String> terms, String what) {
        List<String> fitting = new ArrayList<>();
        for (String term : terms) {
            String rest = term;
            if (rest.length() > MAX_TERM) {
                count(what + " over " + MAX_TERM + " characters split");
            }
            while (rest.length() > MAX_TERM) {
                int cut = lastBreak(rest);
                fitting.add(rest.substring(0, cut).strip());
                rest = rest.substring(cut).replaceFirst("^[\\s,，、;；]+", "");
            }
            if (!rest.isBlank()) {
                fitting.add(rest.strip());
            }
        }
        return fitting;
    }

    private static int lastBreak(String term) {
        for (int i = MAX_TERM; i > MAX_TERM / 2; i--) {
            char c = term.charAt(i);
            if (Character.isWhitespace(c) || ",，、;；/".indexOf(c) >= 0) {
                return i;
            }
        }
        return MAX_TERM;
    }

    private void count(String adaptation) {
        adaptations.merge(adaptation, 1, Integer::sum);
    }

    private static void putIfPresent(Map<String, Object> body, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            body.put(key, value);
        }
    }

    private static String plain(String name) {
        return name.replaceAll("[\\s\\p{Punct}（）]", "").toLowerCase(Locale.ROOT);
    }
}
