package cn.innovationchina.expert.domain;

import java.util.List;

import cn.innovationchina.events.ProviderEvent;

/** The provider after a decision, and the events the decision produced (to be stored with it, in one write). */
public record Decision(Provider provider, List<ProviderEvent> events) {

    public Decision {
        events = List.copyOf(events);
    }

    static Decision of(Provider provider, ProviderEvent event) {
        return new Decision(provider, List.of(event));
    }
}
