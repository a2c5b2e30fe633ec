package cn.innovationchina.testkit.quality;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.Achievement;
import cn.innovationchina.events.Availability;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.events.Visibility;

/**
 * A hand-written labelled set of providers, demands and graded judgements (0-3, each with its reason), read from
 * text files; the figures measured on it are {@link QualityFigures}. Plain Java, so the in-process harness and the
 * end-to-end runner read a set the same way. A provider a demand does not judge counts as grade 0 for it.
 *
 * <p>Format: lines starting with {@code #} are comments. A record starts with a header line and goes on with
 * {@code key: value} lines; lists inside a value are separated by {@code ;} (space for codes and flags).
 * <pre>
 * provider ID | KIND | PLACE | CAPACITY/ACTIVE-ENGAGEMENTS | FIELD... | MODE...
 *   name, org (name [| credit code]), title, skills, keywords, summary, ach (KIND title; ...), regions,
 *   lang (default zh), conflicts (credit codes), member, flags (unverified, busy, on-leave)
 * demand ID | CITY | zh, en or mixed | FIELD... | MODE... | VISIBILITY
 *   enterprise (name | credit code), title, background, problems, outcomes, keywords,
 *   judge (one per line: provider id, grade 0-3, why)
 * </pre>
 * A provider's PLACE is a pilot-city code ({@code WUHAN}) or a 6-digit GB/T 2260 division code ({@code 420100});
 * its {@code regions} are region, zone or 6-digit province codes; field codes are leaves or areas of the taxonomy.
 * Modes are written short: TRANSFER, LICENSING, JOINT_RND, COMMISSIONED, CONSULTING, PILOT, TESTING, TRAINING,
 * CONSORTIUM. The reader checks the form of every code, not whether the reference data knows it: the platform's
 * API refuses an unknown one, naming it. An unknown key, flag or mode, a judgement of an unknown provider or a
 * pair judged twice is refused with the file and line.
 */
public record LabelledSet(List<Demand> demands, List<Provider> providers, List<Judgement> judgements) {

    public LabelledSet {
        demands = List.copyOf(demands);
        providers = List.copyOf(providers);
        judgements = List.copyOf(judgements);
    }

    /** What the short mode names of the files stand for. */
    public static final Map<String, CooperationMode> MODES = Map.of(
            "TRANSFER", CooperationMode.TECHNOLOGY_TRANSFER, "LICENSING", CooperationMode.LICENSING,
            "JOINT_RND", CooperationMode.JOINT_RND, "COMMISSIONED", CooperationMode.COMMISSIONED_DEVELOPMENT,
            "CONSULTING", CooperationMode.TECHNICAL_CONSULTING, "PILOT", CooperationMode.PILOT_SCALE_TESTING,
            "TESTING", CooperationMode.INSPECTION_AND_TESTING, "TRAINING", CooperationMode.TALENT_TRAINING,
            "CONSORTIUM", CooperationMode.INNOVATION_CONSORTIUM);

    private static final Pattern DIVISION = Pattern.compile("\\d{6}");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern FIELD = Pattern.compile("[A-Z][A-Z0-9_]*(\\.[A-Z][A-Z0-9_]*)?");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    public enum Flag {
        UNVERIFIED, BUSY, ON_LEAVE;

        static Flag of(String text) {
            return switch (text) {
                case "unverified" -> UNVERIFIED;
                case "busy" -> BUSY;
                case "on-leave" -> ON_LEAVE;
                default -> throw new IllegalArgumentException("unknown flag: " + text
                        + " (unverified, busy or on-leave)");
            };
        }
    }

    /**
     * Where a provider is: a pilot-city code, or a 6-digit GB/T 2260 division code (any city of China).
     */
    public record Place(String code) {

        public boolean isDivision() {
            return DIVISION.matcher(code).matches();
        }

        public @Nullable String cityCode() {
            return isDivision() ? null : code;
        }

        public @Nullable String divisionCode() {
            return isDivision() ? code : null;
        }
    }

    public record Provider(String id, ProviderKind kind, Place place, int capacity, int activeEngagements,
            List<String> fieldCodes, List<CooperationMode> modes, String name, @Nullable String affiliation,
            @Nullable String affiliationCreditCode, @Nullable String title, List<String> skills,
            List<String> keywords, String summary, List<Achievement> achievements, List<String> regions,
            List<String> languages, List<String> conflictCreditCodes, @Nullable String memberOf, Set<Flag> flags) {

        public Provider {
            fieldCodes = List.copyOf(fieldCodes);
            modes = List.copyOf(modes);
            skills = List.copyOf(skills);
            keywords = List.copyOf(keywords);
            achievements = List.copyOf(achievements);
            regions = List.copyOf(regions);
            languages = List.copyOf(languages);
            conflictCreditCodes = List.copyOf(conflictCreditCodes);
            flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        }

        public boolean verified() {
            return !flags.contains(Flag.UNVERIFIED);
        }

        public Availability availability() {
            return flags.contains(Flag.BUSY) ? Availability.BUSY
                    : flags.contains(Flag.ON_LEAVE) ? Availability.ON_LEAVE : Availability.AVAILABLE;
        }

        /** Capacity less the engagements under way: at 0 or below the provider may take nothing new. */
        public int freeCapacity() {
            return capacity - activeEngagements;
        }
    }

    public record Enterprise(String name, String creditCode) {
    }

    public record Demand(String id, String cityCode, String language, List<String> fieldCodes,
            List<CooperationMode> modes, Visibility visibility, Enterprise enterprise, String title,
            String background, List<String> problems, String outcomes, List<String> keywords) {

        public Demand {
            fieldCodes = List.copyOf(fieldCodes);
            modes = List.copyOf(modes);
            problems = List.copyOf(problems);
            keywords = List.copyOf(keywords);
        }

        /** The languages it is written in: a mixed demand is in Chinese and English. */
        public List<String> languages() {
            return language.equals("mixed") ? List.of("zh", "en") : List.of(language);
        }
    }

    public record Judgement(String demandId, String providerId, int grade, String reason) {
    }

    /** Every {@code *.txt} file of a folder, in name order. */
    public static LabelledSet readFolder(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return read(files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the set in " + folder, e);
        }
    }

    public static LabelledSet read(List<Path> files) {
        var parser = new Parser();
        for (Path file : files) {
            try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                parser.read(file.getFileName().toString(), reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return parser.build();
    }

    /** From texts in memory, each under a name for messages. */
    public static LabelledSet parse(Map<String, String> textsByName) {
        var parser = new Parser();
        textsByName.forEach((name, text) -> parser.read(name, new StringReader(text)));
        return parser.build();
    }

    public Provider provider(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No provider " + id + " in the set"));
    }

    /** The grades a demand gives its judged providers. */
    public Map<String, Integer> gradesOf(String demandId) {
        Map<String, Integer> grades = new HashMap<>();
        judgements.stream().filter(j -> j.demandId().equals(demandId))
                .forEach(j -> grades.put(j.providerId(), j.grade()));
        return grades;
    }

    private static final class Parser {

        /** A value as written, and where. */
        private record Line(String text, String at) {
        }

        private static final Set<String> PROVIDER_KEYS = Set.of("name", "org", "title", "skills", "keywords",
                "summary", "ach", "regions", "lang", "conflicts", "member", "flags");
        private static final Set<String> DEMAND_KEYS = Set.of("enterprise", "title", "background", "problems",
                "outcomes", "keywords", "judge");

        private final List<Demand> demands = new ArrayList<>();
        private final Map<String, Provider> providers = new LinkedHashMap<>();
        private final List<Judgement> judgements = new ArrayList<>();
        private final Map<Judgement, String> judgedAt = new HashMap<>();
        private @Nullable String header;
        private Map<String, List<Line>> values = new LinkedHashMap<>();
        private String where = "";

        void read(String name, Reader text) {
            try (var reader = new BufferedReader(text)) {
                int number = 0;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    number++;
                    String stripped = line.strip();
                    if (stripped.isEmpty() || stripped.startsWith("#")) {
                        continue;
                    }
                    if (stripped.startsWith("provider ") || stripped.startsWith("demand ")) {
                        finish();
                        header = stripped;
                        where = name + ":" + number;
                        continue;
                    }
                    int colon = stripped.indexOf(':');
                    if (header == null || colon < 0) {
                        throw new IllegalArgumentException(name + ":" + number + ": not a key: value line: "
                                + stripped);
                    }
                    String key = stripped.substring(0, colon).strip();
                    var allowed = header.startsWith("provider ") ? PROVIDER_KEYS : DEMAND_KEYS;
                    if (!allowed.contains(key)) {
                        throw new IllegalArgumentException(name + ":" + number + ": unknown key " + key + " (one of "
                                + allowed.stream().sorted().toList() + ")");
                    }
                    values.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new Line(stripped.substring(colon + 1).strip(), name + ":" + number));
                }
                finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        LabelledSet build() {
            Set<String> pairs = new HashSet<>();
            Set<String> demandIds = new HashSet<>();
            for (var demand : demands) {
                require(demandIds.add(demand.id()), "duplicate demand " + demand.id());
            }
            for (var judgement : judgements) {
                String at = judgedAt.get(judgement) + ": ";
                require(providers.containsKey(judgement.providerId()),
                        at + judgement.demandId() + " judges unknown provider " + judgement.providerId());
                require(pairs.add(judgement.demandId() + "/" + judgement.providerId()),
                        at + judgement.demandId() + " judges " + judgement.providerId() + " twice");
            }
            return new LabelledSet(demands, List.copyOf(providers.values()), judgements);
        }

        private void finish() {
            if (header == null) {
                return;
            }
            try {
                if (header.startsWith("provider ")) {
                    var provider = provider(header.substring("provider ".length()).split("\\|", -1));
                    require(providers.put(provider.id(), provider) == null, "duplicate provider " + provider.id());
                } else {
                    demands.add(demand(header.substring("demand ".length()).split("\\|", -1)));
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            header = null;
            values = new LinkedHashMap<>();
        }

        private Provider provider(String[] head) {
            require(head.length == 6, "provider header needs 6 parts: ID | KIND | PLACE | CAPACITY/ACTIVE | "
                    + "FIELD... | MODE...");
            String id = head[0].strip();
            require(!id.isEmpty(), "provider without an id");
            String[] load = head[3].strip().split("/");
            require(load.length == 2 && load[0].matches("\\d+") && load[1].matches("\\d+"),
                    id + ": capacity must be CAPACITY/ACTIVE, e.g. 3/1");
            String place = head[2].strip();
            require(DIVISION.matcher(place).matches() || CODE.matcher(place).matches(),
                    id + ": place must be a pilot-city code or a 6-digit division code: " + place);
            String[] org = one("org", "").split("\\|");
            Set<Flag> flags = EnumSet.noneOf(Flag.class);
            list("flags", " ").forEach(flag -> flags.add(Flag.of(flag)));
            List<String> regions = list("regions", " ");
            regions.forEach(region -> require(DIVISION.matcher(region).matches() || CODE.matcher(region).matches(),
                    id + ": not a region, zone or province code: " + region));
            List<String> languages = list("lang", " ");
            languages.forEach(language -> require(LANGUAGE.matcher(language).matches(),
                    id + ": not a language code: " + language));
            String name = one("name", null);
            require(name != null, id + " has no name");
            return new Provider(id, kind(head[1].strip()), new Place(place), Integer.parseInt(load[0]),
                    Integer.parseInt(load[1]), fieldCodes(head[4]), modes(head[5]), name,
                    org[0].isBlank() ? null : org[0].strip(), org.length > 1 ? org[1].strip() : null,
                    one("title", null), list("skills", ";"), list("keywords", ";"), one("summary", ""),
                    list("ach", ";").stream().map(Parser::achievement).toList(), regions,
                    languages.isEmpty() ? List.of("zh") : languages, list("conflicts", " "), one("member", null),
                    flags);
        }

        private Demand demand(String[] head) {
            require(head.length == 6, "demand header needs 6 parts: ID | CITY | LANGUAGE | FIELD... | MODE... | "
                    + "VISIBILITY");
            String id = head[0].strip();
            require(!id.isEmpty(), "demand without an id");
            String city = head[1].strip();
            require(CODE.matcher(city).matches(), id + ": not a pilot-city code: " + city);
            String language = head[2].strip();
            require(Set.of("zh", "en", "mixed").contains(language), id + ": language must be zh, en or mixed");
            String[] enterprise = one("enterprise", "").split("\\|");
            require(enterprise.length == 2 && !enterprise[0].isBlank() && !enterprise[1].isBlank(),
                    id + " needs enterprise: name | credit code");
            String title = one("title", null);
            require(title != null, id + " has no title");
            for (Line line : values.getOrDefault("judge", List.of())) {
                String[] parts = line.text().split("\\s+", 3);
                require(parts.length >= 2 && parts[1].matches("\\d"), line.at() + ": judge needs a provider id "
                        + "and a grade: " + line.text());
                int grade = Integer.parseInt(parts[1]);
                require(grade <= 3, line.at() + ": grade out of 0-3: " + line.text());
                var judgement = new Judgement(id, parts[0], grade, parts.length > 2 ? parts[2] : "");
                judgements.add(judgement);
                judgedAt.put(judgement, line.at());
            }
            return new Demand(id, city, language, fieldCodes(head[3]), modes(head[4]),
                    visibility(id, head[5].strip()), new Enterprise(enterprise[0].strip(), enterprise[1].strip()),
                    title, one("background", ""), list("problems", ";"), one("outcomes", ""),
                    list("keywords", ";"));
        }

        private @Nullable String one(String key, @Nullable String fallback) {
            var all = values.get(key);
            return all == null ? fallback : all.get(0).text();
        }

        private List<String> list(String key, String separator) {
            var all = values.get(key);
            if (all == null) {
                return List.of();
            }
            return Arrays.stream(all.get(0).text().split(separator)).map(String::strip).filter(s -> !s.isEmpty())
                    .toList();
        }

        private static List<String> fieldCodes(String text) {
            var codes = Arrays.stream(text.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
            require(!codes.isEmpty(), "no field codes");
            codes.forEach(code -> require(FIELD.matcher(code).matches(), "not a field code: " + code));
            return codes;
        }

        private static List<CooperationMode> modes(String text) {
            return Arrays.stream(text.strip().split("\\s+")).filter(s -> !s.isEmpty()).map(mode -> {
                var known = MODES.get(mode);
                require(known != null, "unknown cooperation mode: " + mode + " (one of "
                        + MODES.keySet().stream().sorted().toList() + ")");
                return known;
            }).toList();
        }

        private static ProviderKind kind(String text) {
            try {
                return ProviderKind.valueOf(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown provider kind: " + text, e);
            }
        }

        private static Visibility visibility(String id, String text) {
            try {
                return Visibility.valueOf(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(id + ": unknown visibility: " + text, e);
            }
        }

        private static Achievement achievement(String text) {
            int space = text.indexOf(' ');
            require(space > 0, "achievement needs KIND title: " + text);
            String kind = text.substring(0, space).toUpperCase(Locale.ROOT);
            try {
                return new Achievement(Achievement.Kind.valueOf(kind), text.substring(space + 1).strip(), null, null);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown achievement kind: " + kind, e);
            }
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
