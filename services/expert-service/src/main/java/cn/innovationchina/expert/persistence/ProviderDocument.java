package cn.innovationchina.expert.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import cn.innovationchina.events.Achievement;
import cn.innovationchina.events.Availability;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.expert.domain.Contact;
import cn.innovationchina.expert.domain.Profile;
import cn.innovationchina.expert.domain.Provider;
import cn.innovationchina.expert.domain.ProviderStatus;
import cn.innovationchina.expert.domain.Verification;
import cn.innovationchina.reference.PilotCities;
import cn.innovationchina.reference.PilotCity;

/**
 * A provider as stored: flat, so search can filter on each property. {@code searchText} is the lower-cased text
 * that free-text search matches (the Mongo wire server has no {@code $text}).
 */
@Document(ProviderDocument.COLLECTION)
public record ProviderDocument(
        @Id String id,
        @Nullable String externalId,
        @Nullable String memberOf,
        String name,
        ProviderKind kind,
        @Nullable String affiliation,
        @Nullable String affiliationCreditCode,
        @Nullable String title,
        List<String> fieldCodes,
        List<String> skills,
        List<String> keywords,
        String summary,
        List<Achievement> achievements,
        List<CooperationMode> services,
        @Nullable String cityCode,
        @Nullable String divisionCode,
        List<String> regionsServed,
        List<String> languages,
        int capacity,
        List<String> conflictCreditCodes,
        @Nullable String email,
        @Nullable String phone,
        Availability availability,
        @Nullable LocalDate availableFrom,
        Verification verification,
        @Nullable String verifiedBy,
        ProviderStatus status,
        String searchText,
        @Nullable Long version) {

    public static final String COLLECTION = "providers";

    static ProviderDocument from(Provider provider) {
        Profile p = provider.profile();
        return new ProviderDocument(provider.id(), provider.externalId(), provider.memberOf(), p.name(), p.kind(),
                p.affiliation(), p.affiliationCreditCode(), p.title(), p.fieldCodes(), p.skills(), p.keywords(),
                p.summary(), p.achievements(), p.services(), p.cityCode(), p.divisionCode(), p.regionsServed(), p.languages(),
                p.capacity(), p.conflictCreditCodes(), provider.contact().email(), provider.contact().phone(),
                provider.availability(), provider.availableFrom(), provider.verification(), provider.verifiedBy(),
                provider.status(), searchText(p), null);
    }

    /** A provider stored before it named its division lies in its pilot city's. */
    Provider toProvider(PilotCities cities) {
        String division = divisionCode != null ? divisionCode
                : cities.find(cityCode).map(PilotCity::divisionCode).orElseThrow(() -> new IllegalStateException(
                        "Provider " + id + " has neither a division nor a pilot city"));
        var profile = new Profile(name, kind, affiliation, affiliationCreditCode, title, orEmpty(fieldCodes),
                orEmpty(skills), orEmpty(keywords), summary, orEmpty(achievements), orEmpty(services), cityCode,
                division, orEmpty(regionsServed), orEmpty(languages), capacity, orEmpty(conflictCreditCodes));
        return new Provider(id, externalId, memberOf, profile, new Contact(email, phone), availability, availableFrom,
                verification, verifiedBy, status, version == null ? 0 : version);
    }

    static String searchText(Profile p) {
        return Stream.of(Stream.of(p.name(), p.affiliation(), p.title(), p.summary()), p.skills().stream(),
                        p.keywords().stream())
                .flatMap(s -> s).filter(s -> s != null).map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("\n"));
    }

    private static <T> List<T> orEmpty(@Nullable List<T> values) {
        return values == null ? List.of() : values;
    }
}
