package cn.innovationchina.notification.domain;

import org.jspecify.annotations.Nullable;

/**
 * What this service knows to call the demand and the provider an event is about, from the events it heard before;
 * either may be unknown (an event can overtake the one that named its subject), and the texts then say "a technology
 * demand" or "a provider", never an id.
 */
public record Names(@Nullable String demandTitle, @Nullable String providerName) {

    public static final Names NONE = new Names(null, null);
}
