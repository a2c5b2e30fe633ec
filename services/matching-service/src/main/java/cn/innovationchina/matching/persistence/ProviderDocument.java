package cn.innovationchina.matching.persistence;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

import cn.innovationchina.events.ProviderProfile;
import cn.innovationchina.matching.domain.Provider;

/**
 * A provider of matching's read model as stored, {@code _id} = the provider id, {@code version} = the version of the
 * last event applied. The profile is the event contract's, whose names its schema check already keeps.
 */
@Document(ProviderDocument.COLLECTION)
record ProviderDocument(
        @Id String id,
        @Field("profile") ProviderProfile profile,
        @Field("active") boolean active,
        @Field(ReadModels.VERSION) long version) {

    static final String COLLECTION = "providers";

    static ProviderDocument of(Provider provider) {
        return new ProviderDocument(provider.id(), provider.profile(), provider.active(), provider.version());
    }

    Provider toDomain() {
        return new Provider(id, profile, active, version);
    }
}
