package cn.innovationchina.expert.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.Achievement;
import cn.innovationchina.reference.Divisions;
import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.reference.PilotCities;
import cn.innovationchina.platform.problem.InvalidInput;

/**
 * The one place a draft becomes a profile: the same rules for a request body and for an import row, each
 * refusal naming the field as the client wrote it ({@code fieldCodes[1]}, {@code achievements[0].reference}).
 */
public final class ProfileRules {

    public static final int MAX_CAPACITY = 50;

    /** The Unified Social Credit Code: 18 characters from the national standard's alphabet (no I, O, S, V, Z). */
    static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_EMAIL_LOCAL_PART = 64;
    private static final int MAX_EMAIL = 254;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{5,19}");

    private final FieldTaxonomy fields;
    private final PilotCities cities;
    private final Divisions divisions;

    public ProfileRules(FieldTaxonomy fields, PilotCities cities, Divisions divisions) {
        this.fields = fields;
        this.cities = cities;
        this.divisions = divisions;
    }

    public sealed interface Outcome permits Accepted, Refused {
    }

    public record Accepted(Profile profile, Contact contact) implements Outcome {
    }

    public record Refused(List<Violation> violations) implements Outcome {
        public Refused {
            violations = List.copyOf(violations);
        }
    }

    public Outcome check(ProfileDraft draft) {
        List<Violation> violations = new ArrayList<>();
        text(violations, "name", draft.name(), true, 200);
        if (draft.kind() == null) {
            violations.add(new Violation("kind", "is required"));
        }
        text(violations, "affiliation", draft.affiliation(), false, 200);
        if (draft.affiliationCreditCode() != null && !CREDIT_CODE.matcher(draft.affiliationCreditCode()).matches()) {
            violations.add(new Violation("affiliationCreditCode", "is not an 18-character Unified Social Credit Code"));
        }
        text(violations, "title", draft.title(), false, 200);
        var fieldCodes = list(violations, "fieldCodes", draft.fieldCodes(), 10);
        for (int i = 0; i < fieldCodes.size(); i++) {
            if (!fields.isKnown(fieldCodes.get(i))) {
                violations.add(new Violation("fieldCodes[" + i + "]", "is not a field of the taxonomy: "
                        + fieldCodes.get(i)));
            }
        }
        terms(violations, "skills", list(violations, "skills", draft.skills(), 30));
        terms(violations, "keywords", list(violations, "keywords", draft.keywords(), 30));
        text(violations, "summary", draft.summary(), true, 4000);
        var achievements = list(violations, "achievements", draft.achievements(), 100);
        for (int i = 0; i < achievements.size(); i++) {
            achievement(violations, "achievements[" + i + "]", achievements.get(i));
        }
        var services = list(violations, "services", draft.services(), 20);
        String cityCode = blankToNull(draft.cityCode());
        var city = cityCode == null ? null : cities.find(cityCode).orElse(null);
        if (cityCode != null && city == null) {
            violations.add(new Violation("cityCode", "is not a pilot city: " + cityCode));
        }
        String divisionCode = blankToNull(draft.divisionCode());
        if (divisionCode == null && city != null) {
            divisionCode = city.divisionCode();
        }
        if (divisionCode == null && cityCode == null) {
            violations.add(new Violation("divisionCode", "is required: the GB/T 2260 code of the city where the "
                    + "provider is, such as 430100 for Changsha (or a pilot city as cityCode)"));
        } else if (divisionCode != null && divisions.find(divisionCode).isEmpty()) {
            violations.add(new Violation("divisionCode", "is not a division of China (a GB/T 2260 code such as "
                    + "430100): " + divisionCode));
        }
        var regions = list(violations, "regionsServed", draft.regionsServed(), 10);
        for (int i = 0; i < regions.size(); i++) {
            String region = regions.get(i);
            if (!divisions.isArea(region)) {
                violations.add(new Violation("regionsServed[" + i + "]", "is neither an economic zone (such as "
                        + "YANGTZE_MIDDLE) nor a province code (such as 430000): " + region));
            }
        }
        var languages = list(violations, "languages", draft.languages(), 10);
        for (int i = 0; i < languages.size(); i++) {
            if (!LANGUAGE.matcher(languages.get(i)).matches()) {
                violations.add(new Violation("languages[" + i + "]", "is not an ISO 639 language code such as zh or en"));
            }
        }
        if (draft.capacity() == null) {
            violations.add(new Violation("capacity", "is required"));
        } else if (draft.capacity() < 1 || draft.capacity() > MAX_CAPACITY) {
            violations.add(new Violation("capacity", "must be between 1 and " + MAX_CAPACITY + " active engagements"));
        }
        var conflicts = list(violations, "conflictCreditCodes", draft.conflictCreditCodes(), 50);
        for (int i = 0; i < conflicts.size(); i++) {
            if (!CREDIT_CODE.matcher(conflicts.get(i)).matches()) {
                violations.add(new Violation("conflictCreditCodes[" + i + "]",
                        "is not an 18-character Unified Social Credit Code"));
            }
        }
        if (draft.email() != null) {
            email(violations, draft.email());
        }
        if (draft.phone() != null && !PHONE.matcher(draft.phone()).matches()) {
            violations.add(new Violation("phone", "is not a phone number"));
        }
        if (!violations.isEmpty()) {
            return new Refused(violations);
        }
        var profile = new Profile(draft.name().strip(), draft.kind(), blankToNull(draft.affiliation()),
                draft.affiliationCreditCode(), blankToNull(draft.title()), fieldCodes,
                stripped(draft.skills()), stripped(draft.keywords()), draft.summary().strip(), achievements,
                services, cityCode, divisionCode, regions, languages, draft.capacity(), conflicts);
        return new Accepted(profile, new Contact(blankToNull(draft.email()), blankToNull(draft.phone())));
    }

    /** For a single request: the first refusal becomes the 400 problem. */
    public Accepted require(ProfileDraft draft) {
        Outcome outcome = check(draft);
        if (outcome instanceof Refused refused) {
            Violation first = refused.violations().get(0);
            throw new InvalidInput(first.field(), first.reason());
        }
        return (Accepted) outcome;
    }

    /** RFC 5321's limits: no mail system need take a longer local part or address. */
    private static void email(List<Violation> violations, String email) {
        if (!EMAIL.matcher(email).matches()) {
            violations.add(new Violation("email", "is not an email address"));
        } else if (email.indexOf('@') > MAX_EMAIL_LOCAL_PART) {
            violations.add(new Violation("email", "must have at most " + MAX_EMAIL_LOCAL_PART
                    + " characters before the @"));
        } else if (email.length() > MAX_EMAIL) {
            violations.add(new Violation("email", "must be at most " + MAX_EMAIL + " characters"));
        }
    }

    private static void achievement(List<Violation> violations, String at, Achievement achievement) {
        if (achievement.kind() == null) {
            violations.add(new Violation(at + ".kind", "is required"));
        }
        text(violations, at + ".title", achievement.title(), true, 500);
        if (achievement.kind() == Achievement.Kind.PATENT && blank(achievement.reference())) {
            violations.add(new Violation(at + ".reference", "a patent needs its number"));
        }
        if (achievement.kind() == Achievement.Kind.PAPER && achievement.reference() != null
                && !DOI.matcher(achievement.reference()).matches()) {
            violations.add(new Violation(at + ".reference", "is not a DOI such as 10.1000/xyz123"));
        }
        if (achievement.year() != null && (achievement.year() < 1900 || achievement.year() > 2100)) {
            violations.add(new Violation(at + ".year", "must be between 1900 and 2100"));
        }
    }

    private static boolean text(List<Violation> violations, String field, @Nullable String value, boolean required,
            int max) {
        if (blank(value)) {
            if (required) {
                violations.add(new Violation(field, "is required"));
            }
            return false;
        }
        if (value.strip().length() > max) {
            violations.add(new Violation(field, "must be at most " + max + " characters"));
            return false;
        }
        return true;
    }

    private static <T> List<T> list(List<Violation> violations, String field, @Nullable List<T> values, int max) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            violations.add(new Violation(field, "must have at most " + max + " entries"));
        }
        if (values.stream().anyMatch(Objects::isNull)) {
            violations.add(new Violation(field, "must not contain empty entries"));
        }
        return values.stream().filter(Objects::nonNull).toList();
    }

    private static void terms(List<Violation> violations, String field, List<String> terms) {
        for (int i = 0; i < terms.size(); i++) {
            text(violations, field + "[" + i + "]", terms.get(i), true, 100);
        }
    }

    private static List<String> stripped(@Nullable List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(String::strip).toList();
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return blank(value) ? null : value.strip();
    }
}
