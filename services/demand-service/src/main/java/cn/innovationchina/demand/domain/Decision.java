package cn.innovationchina.demand.domain;

import java.util.List;

import cn.innovationchina.events.DomainEvent;

/** The state an aggregate decided on and the events that decision produced, to be stored together. */
public record Decision<T>(T state, List<DomainEvent> events) {

    public static <T> Decision<T> of(T state, DomainEvent... events) {
        return new Decision<>(state, List.of(events));
    }
}
