package cn.innovationchina.matching.quality;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.innovationchina.events.Achievement;
import cn.innovationchina.events.Availability;
import cn.innovationchina.events.BudgetRange;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.DemandContent;
import cn.innovationchina.events.EnterpriseRef;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.events.ProviderProfile;
import cn.innovationchina.events.Visibility;
import cn.innovationchina.matching.domain.Demand;
import cn.innovationchina.matching.domain.Provider;
import cn.innovationchina.matching.domain.TrackRecord;
import cn.innovationchina.reference.Divisions;
import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.reference.PilotCities;

/**
 * The hand-written labelled set in {@code src/test/resources/quality/set/}: one file per group of fields, each
 * holding providers, the demands written for that group, and under each demand the graded judgements (0-3) of the
 * providers that matter for it, each with its reason. Judgements were written from the texts before any run of the
 * engine. A provider a demand does not judge counts as 0 for it.
 *
 * <p>Format: lines starting with {@code #} are comments. A record starts with a header line and goes on with
 * {@code key: value} lines; lists inside a value are separated by {@code ;}.
 * <pre>
 * provider ID | KIND | CITY or DIVISION | CAPACITY/ACTIVE-ENGAGEMENTS | FIELD... | MODE...
 *   name, org (name [| credit code]), title, skills, keywords, summary, ach (KIND title; ...), regions,
 *   lang (default zh), conflicts (credit codes), member, flags (unverified, busy, on-leave)
 * demand ID | CITY | zh, en or mixed | FIELD... | MODE... | VISIBILITY
 *   enterprise (name | credit code), title, background, problems, outcomes, keywords,
 *   judge (one per line: provider id, grade 0-3, why)
 * </pre>
 * Modes are written short: TRANSFER, LICENSING, JOINT_RND, COMMISSIONED, CONSULTING, PILOT, TESTING, TRAINING,
 * CONSORTIUM. Field codes must be leaves of the reference taxonomy, cities pilot cities; a provider may instead be
 * placed by its GB/T 2260 division (430100), and its regions are economic zones or province codes: the loader
 * refuses anything else, and a judgement of an unknown provider.
 */
record EvaluationSet(List<DemandEntry> demands, List<ProviderEntry> providers, List<Judgement> judgements) {

    static final List<String> FILES = List.of("energy.txt", "vision.txt", "software.txt", "electronics.txt",
            "life.txt", "materials.txt", "equipment.txt", "aerospace.txt", "environment.txt", "services.txt",
            "vehicles.txt");

    private static final Map<String, CooperationMode> MODES = Map.of(
            "TRANSFER", CooperationMode.TECHNOLOGY_TRANSFER, "LICENSING", CooperationMode.LICENSING,
            "JOINT_RND", CooperationMode.JOINT_RND, "COMMISSIONED", CooperationMode.COMMISSIONED_DEVELOPMENT,
            "CONSULTING", CooperationMode.TECHNICAL_CONSULTING, "PILOT", CooperationMode.PILOT_SCALE_TESTING,
            "TESTING", CooperationMode.INSPECTION_AND_TESTING, "TRAINING", CooperationMode.TALENT_TRAINING,
            "CONSORTIUM", CooperationMode.INNOVATION_CONSORTIUM);

    record DemandEntry(String id, EnterpriseRef enterprise, String cityCode, String language, DemandContent content) {

        Demand demand() {
            return new Demand(id, enterprise, cityCode, content, true, 1);
        }
    }

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

    record Judgement(String demandId, String providerId, int grade, String reason) {
    }

    static EvaluationSet load() {
        var parser = new Parser(FieldTaxonomy.standard(), PilotCities.standard(), Divisions.standard());
        for (String file : FILES) {
            parser.read(file);
        }
        return parser.build();
    }

    /** Grades of one demand's judged providers. */
    Map<String, Integer> gradesOf(String demandId) {
        Map<String, Integer> grades = new HashMap<>();
        judgements.stream().filter(j -> j.demandId().equals(demandId))
                .forEach(j -> grades.put(j.providerId(), j.grade()));
        return grades;
    }

    private static final class Parser {

        private final FieldTaxonomy fields;
        private final PilotCities cities;
        private final Divisions divisions;
        private final List<DemandEntry> demands = new ArrayList<>();
        private final Map<String, ProviderEntry> providers = new LinkedHashMap<>();
        private final List<Judgement> judgements = new ArrayList<>();
        private String header;
        private Map<String, List<String>> values = new LinkedHashMap<>();
        private String where;

        Parser(FieldTaxonomy fields, PilotCities cities, Divisions divisions) {
            this.fields = fields;
            this.cities = cities;
            this.divisions = divisions;
        }

        void read(String file) {
            var in = EvaluationSet.class.getResourceAsStream("/quality/set/" + file);
            Objects.requireNonNull(in, () -> "missing quality/set/" + file);
            try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                int number = 0;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    number++;
                    String text = line.strip();
                    if (text.isEmpty() || text.startsWith("#")) {
                        continue;
                    }
                    if (text.startsWith("provider ") || text.startsWith("demand ")) {
                        finish();
                        header = text;
                        where = file + ":" + number;
                        continue;
                    }
                    int colon = text.indexOf(':');
                    if (header == null || colon < 0) {
                        throw new IllegalArgumentException(file + ":" + number + ": not a key: value line: " + text);
                    }
                    values.computeIfAbsent(text.substring(0, colon).strip(), k -> new ArrayList<>())
                            .add(text.substring(colon + 1).strip());
                }
                finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        EvaluationSet build() {
            Set<String> pairs = new HashSet<>();
            for (var judgement : judgements) {
                require(providers.containsKey(judgement.providerId()),
                        judgement.demandId() + " judges unknown provider " + judgement.providerId());
                require(pairs.add(judgement.demandId() + "/" + judgement.providerId()),
                        judgement.demandId() + " judges " + judgement.providerId() + " twice");
            }
            return new EvaluationSet(List.copyOf(demands), List.copyOf(providers.values()), List.copyOf(judgements));
        }

        private void finish() {
            if (header == null) {
                return;
            }
            try {
                if (header.startsWith("provider ")) {
                    var provider = provider(header.substring("provider ".length()).split("\\|"));
                    require(providers.put(provider.id(), provider) == null, "duplicate provider " + provider.id());
                } else {
                    demands.add(demand(header.substring("demand ".length()).split("\\|")));
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            header = null;
            values = new LinkedHashMap<>();
        }

        private ProviderEntry provider(String[] head) {
            require(head.length == 6, "provider header needs 6 parts");
            String id = head[0].strip();
            String[] load = head[3].strip().split("/");
            String[] org = one("org", "").split("\\|");
            Set<String> flags = Set.copyOf(list("flags", " "));
            var achievements = list("ach", ";").stream().map(Parser::achievement).toList();
            var availability = flags.contains("busy") ? Availability.BUSY
                    : flags.contains("on-leave") ? Availability.ON_LEAVE : Availability.AVAILABLE;
            List<String> languages = list("lang", " ");
            var place = place(head[2]);
            var profile = new ProviderProfile(one("name", null), ProviderKind.valueOf(head[1].strip()),
                    org[0].isBlank() ? null : org[0].strip(), org.length > 1 ? org[1].strip() : null,
                    one("title", null), fieldCodes(head[4]), list("skills", ";"), list("keywords", ";"),
                    one("summary", ""), achievements, modes(head[5]), place.cityCode(), place.divisionCode(),
                    regions(list("regions", " ")),
                    languages.isEmpty() ? List.of("zh") : languages, Integer.parseInt(load[0]), availability, null,
                    list("conflicts", " "), one("member", null), !flags.contains("unverified"));
            require(profile.name() != null, id + " has no name");
            return new ProviderEntry(id, profile, Integer.parseInt(load[1]));
        }

        private DemandEntry demand(String[] head) {
            require(head.length == 6, "demand header needs 6 parts");
            String id = head[0].strip();
            String[] enterprise = one("enterprise", "").split("\\|");
            require(enterprise.length == 2, id + " needs enterprise: name | credit code");
            var content = new DemandContent(one("title", null), one("background", ""), list("problems", ";"),
                    one("outcomes", ""), fieldCodes(head[3]), list("keywords", ";"), modes(head[4]),
                    new BudgetRange(100_000L, 1_000_000L), LocalDate.of(2027, 12, 31),
                    Visibility.valueOf(head[5].strip()), null);
            require(content.title() != null, id + " has no title");
            for (String line : values.getOrDefault("judge", List.of())) {
                String[] parts = line.split("\\s+", 3);
                int grade = Integer.parseInt(parts[1]);
                require(grade >= 0 && grade <= 3, id + ": grade out of 0-3: " + line);
                judgements.add(new Judgement(id, parts[0], grade, parts.length > 2 ? parts[2] : ""));
            }
            String city = city(head[1]);
            return new DemandEntry(id, new EnterpriseRef("E-" + id, enterprise[0].strip(), enterprise[1].strip(),
                    cities.find(city).orElseThrow().divisionCode()), city, head[2].strip(), content);
        }

        private String one(String key, String fallback) {
            var all = values.get(key);
            return all == null ? fallback : all.get(0);
        }

        private List<String> list(String key, String separator) {
            var all = values.get(key);
            if (all == null) {
                return List.of();
            }
            return Arrays.stream(all.get(0).split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        private List<String> fieldCodes(String text) {
            var codes = Arrays.stream(text.strip().split("\\s+")).toList();
            codes.forEach(code -> require(fields.isLeaf(code), "not a leaf field: " + code));
            return codes;
        }

        private String city(String text) {
            String code = text.strip();
            require(cities.find(code).isPresent(), "not a pilot city: " + code);
            return code;
        }

        private record Place(String cityCode, String divisionCode) {
        }

        /** A pilot city (the provider is in its group and its division), or a division alone. */
        private Place place(String text) {
            String code = text.strip();
            if (divisions.find(code).isPresent()) {
                return new Place(null, code);
            }
            return new Place(city(code), cities.find(code).orElseThrow().divisionCode());
        }

        private List<String> regions(List<String> codes) {
            codes.forEach(code -> require(divisions.isArea(code), "not an economic zone or province: " + code));
            return codes;
        }

        private static List<CooperationMode> modes(String text) {
            return Arrays.stream(text.strip().split("\\s+")).map(mode -> {
                var known = MODES.get(mode);
                require(known != null, "unknown cooperation mode: " + mode);
                return known;
            }).toList();
        }

        private static Achievement achievement(String text) {
            int space = text.indexOf(' ');
            return new Achievement(Achievement.Kind.valueOf(text.substring(0, space).toUpperCase(Locale.ROOT)),
                    text.substring(space + 1).strip(), null, null);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
