package cn.innovationchina.expert.persistence;

import java.time.LocalDate;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

import cn.innovationchina.events.Availability;
import cn.innovationchina.expert.domain.Contact;
import cn.innovationchina.expert.domain.Provider;
import cn.innovationchina.expert.domain.ProviderStatus;
import cn.innovationchina.expert.domain.Verification;
import cn.innovationchina.reference.PilotCities;

/**
 * A provider as stored: its profile as one sub-document ({@link StoredProfile}), beside it the contact data and the
 * provider's own state. {@code searchText} is the lower-cased text that free-text search matches.
 */
@org.springframework.data.mongodb.core.mapping.Document(ProviderDocument.COLLECTION)
public record ProviderDocument(
        @Id String id,
        @Nullable String externalId,
        @Nullable String memberOf,
        Document profile,
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
    static final String PROFILE = "profile";

    static ProviderDocument from(Provider provider) {
        return new ProviderDocument(provider.id(), provider.externalId(), provider.memberOf(),
                StoredProfile.of(provider.profile()), provider.contact().email(), provider.contact().phone(),
                provider.availability(), provider.availableFrom(), provider.verification(), provider.verifiedBy(),
                provider.status(), StoredProfile.searchText(provider.profile()), null);
    }

    /**
     * The provider from this document and the stored BSON it was read from: a provider stored before its profile
     * was a sub-document has the profile's fields at the top level.
     */
    Provider toProvider(Document stored, PilotCities cities) {
        Document profileFields = stored.get(PROFILE) instanceof Document sub ? sub : stored;
        return new Provider(id, externalId, memberOf, StoredProfile.read(profileFields, id, cities),
                new Contact(email, phone), availability, availableFrom, verification, verifiedBy, status,
                version == null ? 0 : version);
    }
}
