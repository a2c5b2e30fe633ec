package cn.innovationchina.expert.web;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.Achievement;
import cn.innovationchina.events.Availability;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.events.ProviderProfile;
import cn.innovationchina.expert.application.ProviderPage;
import cn.innovationchina.expert.domain.Completeness;
import cn.innovationchina.expert.domain.Provider;
import cn.innovationchina.expert.domain.ProviderStatus;
import cn.innovationchina.expert.domain.Verification;

/**
 * The shapes a provider is shown in. The public one has no contact field at all, so it cannot leak one; only the
 * released and the owner's views carry it. Only the details (the provider's own, the platform administrators')
 * carry the conflicts it declares.
 */
final class ProviderViews {

    private ProviderViews() {
    }

    /** What anyone signed in sees: the public profile and the completeness score. */
    record PublicProvider(String id, PublicProfile profile, int completeness) {

        static PublicProvider of(Provider provider) {
            return new PublicProvider(provider.id(), PublicProfile.of(provider.published()),
                    provider.completeness().score());
        }
    }

    /** What an enterprise sees once the provider accepted one of its invitations: the public view and the contact. */
    record ReleasedProvider(String id, PublicProfile profile, int completeness, ContactDetails contact) {

        static ReleasedProvider of(Provider provider) {
            return new ReleasedProvider(provider.id(), PublicProfile.of(provider.published()),
                    provider.completeness().score(),
                    new ContactDetails(provider.contact().email(), provider.contact().phone()));
        }
    }

    /**
     * The profile matching gets on the bus, less the credit codes of the enterprises the provider declares conflicts
     * with: they tell whom it has ties with, so only the provider and platform administrators see them. Listed
     * property by property, so that a property added to the event is not public until it is added here.
     */
    record PublicProfile(String name, ProviderKind kind, @Nullable String affiliation,
            @Nullable String affiliationCreditCode, @Nullable String title, List<String> fieldCodes,
            List<String> skills, List<String> keywords, String summary, List<Achievement> achievements,
            List<CooperationMode> services, @Nullable String cityCode, @Nullable String divisionCode,
            List<String> regionsServed, List<String> languages, int capacity, Availability availability,
            @Nullable LocalDate availableFrom, @Nullable String memberOf, boolean verified) {

        static PublicProfile of(ProviderProfile p) {
            return new PublicProfile(p.name(), p.kind(), p.affiliation(), p.affiliationCreditCode(), p.title(),
                    p.fieldCodes(), p.skills(), p.keywords(), p.summary(), p.achievements(), p.services(),
                    p.cityCode(), p.divisionCode(), p.regionsServed(), p.languages(), p.capacity(), p.availability(),
                    p.availableFrom(), p.memberOf(), p.verified());
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
