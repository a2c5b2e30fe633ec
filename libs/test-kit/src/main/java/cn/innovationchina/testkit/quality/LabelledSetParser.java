package cn.innovationchina.testkit.quality;

import static cn.innovationchina.testkit.quality.LabelledSet.DIVISION;
import static cn.innovationchina.testkit.quality.LabelledSet.MODES;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
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

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.Achievement;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.events.Visibility;
import cn.innovationchina.testkit.quality.LabelledSet.Demand;
import cn.innovationchina.testkit.quality.LabelledSet.Enterprise;
import cn.innovationchina.testkit.quality.LabelledSet.Flag;
import cn.innovationchina.testkit.quality.LabelledSet.Judgement;
import cn.innovationchina.testkit.quality.LabelledSet.Place;
import cn.innovationchina.testkit.quality.LabelledSet.Provider;

/**
 * Reads the text of a {@link LabelledSet}, file by file, refusing with the file and line what does not fit its
 * format; {@link #build} checks what only the whole set can tell (duplicates, judgements of unknown providers).
 */
final class LabelledSetParser {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern FIELD = Pattern.compile("[A-Z][A-Z0-9_]*(\\.[A-Z][A-Z0-9_]*)?");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

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
                list("ach", ";").stream().map(LabelledSetParser::achievement).toList(), regions,
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
