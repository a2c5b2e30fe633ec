package cn.innovationchina.platform.domain;

import java.util.List;

import cn.innovationchina.events.DomainEvent;

/**
 * What an aggregate decided: its new state and the events the decision produced, to be stored together in one
 * write. Plain Java, so every service's domain code returns it.
 */
public record Decision<T>(T state, List<DomainEvent> events) {

    public Decision {
        events = List.copyOf(events);
    }

    public static <T> Decision<T> of(T state, DomainEvent... events) {
        return new Decision<>(state, List.of(events));
    }

    public static <T> Decision<T> of(T state, List<? extends DomainEvent> events) {
        return new Decision<>(state, List.copyOf(events));
    }
}
