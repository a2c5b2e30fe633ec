package cn.innovationchina.expert.persistence;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.Achievement;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.expert.domain.Profile;
import cn.innovationchina.reference.PilotCities;
import cn.innovationchina.reference.PilotCity;

/**
 * The one stored shape of a provider's profile: the sub-document {@code profile} of a provider document, with
 * these field names. They are the names the profile's fields had when they were stored flat in the provider
 * document, so a document of that older shape is read by the same mapping.
 */
final class StoredProfile {

    static final String NAME = "name";
    static final String KIND = "kind";
    static final String FIELD_CODES = "fieldCodes";
    static final String CITY_CODE = "cityCode";
    static final String DIVISION_CODE = "divisionCode";
    static final String REGIONS_SERVED = "regionsServed";
    private static final String AFFILIATION = "affiliation";
    private static final String AFFILIATION_CREDIT_CODE = "affiliationCreditCode";
    private static final String TITLE = "title";
    private static final String SKILLS = "skills";
    private static final String KEYWORDS = "keywords";
    private static final String SUMMARY = "summary";
    private static final String ACHIEVEMENTS = "achievements";
    private static final String SERVICES = "services";
    private static final String LANGUAGES = "languages";
    private static final String CAPACITY = "capacity";
    private static final String CONFLICT_CREDIT_CODES = "conflictCreditCodes";
    /** The fields a flat document of the older shape keeps at its top level. */
    static final List<String> FIELDS = List.of(NAME, KIND, AFFILIATION, AFFILIATION_CREDIT_CODE, TITLE, FIELD_CODES,
            SKILLS, KEYWORDS, SUMMARY, ACHIEVEMENTS, SERVICES, CITY_CODE, DIVISION_CODE, REGIONS_SERVED, LANGUAGES,
            CAPACITY, CONFLICT_CREDIT_CODES);

    private StoredProfile() {
    }

    static Document of(Profile p) {
        return new Document(NAME, p.name()).append(KIND, p.kind().name())
                .append(AFFILIATION, p.affiliation()).append(AFFILIATION_CREDIT_CODE, p.affiliationCreditCode())
                .append(TITLE, p.title()).append(FIELD_CODES, p.fieldCodes()).append(SKILLS, p.skills())
                .append(KEYWORDS, p.keywords()).append(SUMMARY, p.summary())
                .append(ACHIEVEMENTS, p.achievements().stream().map(StoredProfile::achievement).toList())
                .append(SERVICES, p.services().stream().map(CooperationMode::name).toList())
                .append(CITY_CODE, p.cityCode()).append(DIVISION_CODE, p.divisionCode())
                .append(REGIONS_SERVED, p.regionsServed()).append(LANGUAGES, p.languages())
                .append(CAPACITY, p.capacity()).append(CONFLICT_CREDIT_CODES, p.conflictCreditCodes());
    }

    /** A provider stored before it named its division lies in its pilot city's. */
    static Profile read(Document stored, String providerId, PilotCities cities) {
        String cityCode = stored.getString(CITY_CODE);
        String division = stored.getString(DIVISION_CODE) != null ? stored.getString(DIVISION_CODE)
                : cities.find(cityCode).map(PilotCity::divisionCode).orElseThrow(() -> new IllegalStateException(
                        "Provider " + providerId + " has neither a division nor a pilot city"));
        return new Profile(stored.getString(NAME), ProviderKind.valueOf(stored.getString(KIND)),
                stored.getString(AFFILIATION), stored.getString(AFFILIATION_CREDIT_CODE), stored.getString(TITLE),
                strings(stored, FIELD_CODES), strings(stored, SKILLS), strings(stored, KEYWORDS),
                stored.getString(SUMMARY),
                stored.getList(ACHIEVEMENTS, Document.class, List.of()).stream().map(StoredProfile::achievement)
                        .toList(),
                strings(stored, SERVICES).stream().map(CooperationMode::valueOf).toList(), cityCode, division,
                strings(stored, REGIONS_SERVED), strings(stored, LANGUAGES), stored.getInteger(CAPACITY, 0),
                strings(stored, CONFLICT_CREDIT_CODES));
    }

    /** The lower-cased text free-text search matches (the Mongo wire server has no {@code $text}). */
    static String searchText(Profile p) {
        return Stream.of(Stream.of(p.name(), p.affiliation(), p.title(), p.summary()), p.skills().stream(),
                        p.keywords().stream())
                .flatMap(s -> s).filter(s -> s != null).map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("\n"));
    }

    private static Document achievement(Achievement a) {
        return new Document("kind", a.kind().name()).append("title", a.title()).append("reference", a.reference())
                .append("year", a.year());
    }

    private static Achievement achievement(Document stored) {
        return new Achievement(Achievement.Kind.valueOf(stored.getString("kind")), stored.getString("title"),
                stored.getString("reference"), stored.getInteger("year"));
    }

    private static List<String> strings(Document stored, String field) {
        return stored.getList(field, String.class, List.of());
    }
}
