package cn.innovationchina.testkit.quality;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
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

    /** A GB/T 2260 division code, the form of a place or region that is not a code name. */
    static final Pattern DIVISION = Pattern.compile("\\d{6}");

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
        var parser = new LabelledSetParser();
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
        var parser = new LabelledSetParser();
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
}
