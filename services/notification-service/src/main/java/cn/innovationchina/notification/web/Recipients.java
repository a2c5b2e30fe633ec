package cn.innovationchina.notification.web;

import org.springframework.security.access.AccessDeniedException;

import cn.innovationchina.notification.domain.Recipient;
import cn.innovationchina.platform.security.PlatformUser;
import cn.innovationchina.platform.security.Role;

/** Whose inbox a caller reads: always the one its token names, never one chosen in the request. */
final class Recipients {

    private Recipients() {
    }

    static Recipient of(PlatformUser user) {
        if (user.is(Role.ENTERPRISE) && user.organisationId() != null) {
            return Recipient.enterprise(user.organisationId());
        }
        if (user.is(Role.EXPERT) && user.providerId() != null) {
            return Recipient.provider(user.providerId());
        }
        if (user.is(Role.CITY_ADMIN) && user.cityCode() != null) {
            return Recipient.city(user.cityCode());
        }
        // A platform administrator oversees cities but receives nothing addressed to it.
        throw new AccessDeniedException("This caller has no inbox");
    }
}
