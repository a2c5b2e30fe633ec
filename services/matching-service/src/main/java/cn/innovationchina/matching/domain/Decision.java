package cn.innovationchina.matching.domain;

import java.util.List;

import cn.innovationchina.events.MatchEvent;

/** The new state of an aggregate and the events its decision produced, to be stored together. */
public record Decision<T>(T state, List<MatchEvent> events) {
}
