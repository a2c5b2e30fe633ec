package cn.innovationchina.expert.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.ProviderProfile;
import cn.innovationchina.expert.application.ProviderPage;
import cn.innovationchina.expert.domain.Completeness;
import cn.innovationchina.expert.domain.Provider;
import cn.innovationchina.expert.domain.ProviderStatus;
import cn.innovationchina.expert.domain.Verification;

/**
 * The shapes a provider is shown in. The public one has no contact field at all, so it cannot leak one; only the
 * released and the owner's views carry it.
 */
final class ProviderViews {

    private ProviderViews() {
    }

    /** What anyone signed in sees: exactly the profile matching gets on the bus, and the completeness score. */
    record PublicProvider(String id, ProviderProfile profile, int completeness) {

        static PublicProvider of(Provider provider) {
            return new PublicProvider(provider.id(), provider.published(), provider.completeness().score());
        }
    }

    /** What an enterprise sees once the provider accepted one of its invitations: the public view and the contact. */
    record ReleasedProvider(String id, ProviderProfile profile, int completeness, ContactDetails contact) {

        static ReleasedProvider of(Provider provider) {
            return new ReleasedProvider(provider.id(), provider.published(), provider.completeness().score(),
                    new ContactDetails(provider.contact().email(), provider.contact().phone()));
        }
    }

    /** What the provider itself and platform administrators see. */
    record ProviderDetails(String id, ProviderProfile profile, ContactDetails contact, Completeness completeness,
            ProviderStatus status, Verification verification, @Nullable String verifiedBy,
            @Nullable String externalId, long version) {

        static ProviderDetails of(Provider provider) {
            return new ProviderDetails(provider.id(), provider.published(),
                    new ContactDetails(provider.contact().email(), provider.contact().phone()),
                    provider.completeness(), provider.status(), provider.verification(), provider.verifiedBy(),
                    provider.externalId(), provider.version());
        }
    }

    record ContactDetails(@Nullable String email, @Nullable String phone) {
    }

    record PageView(List<PublicProvider> items, int page, int size, long total) {

        static PageView of(ProviderPage page) {
            return new PageView(page.items().stream().map(PublicProvider::of).toList(), page.page(), page.size(),
                    page.total());
        }
    }
}
