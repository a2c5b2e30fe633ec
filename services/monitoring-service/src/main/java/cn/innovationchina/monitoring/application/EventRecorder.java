package cn.innovationchina.monitoring.application;

import org.springframework.stereotype.Service;

import cn.innovationchina.events.DomainEvent;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.monitoring.domain.Fact;
import cn.innovationchina.monitoring.persistence.Facts;
import cn.innovationchina.reference.PilotCities;
import reactor.core.publisher.Mono;

/** Keeps every event the figures need as a fact; events without a pilot city count for no city and are skipped. */
@Service
public class EventRecorder {

    private final Facts facts;
    private final PilotCities cities;
    private final FigureUpdates updates;

    EventRecorder(Facts facts, PilotCities cities, FigureUpdates updates) {
        this.facts = facts;
        this.cities = cities;
        this.updates = updates;
    }

    public Mono<Void> record(EventEnvelope<? extends DomainEvent> event) {
        String city = event.cityCode();
        if (city == null) {
            return Mono.empty();
        }
        return facts.record(Fact.of(event, cities)).doOnNext(recorded -> {
            if (recorded) {
                updates.changed(city);
            }
        }).then();
    }
}
