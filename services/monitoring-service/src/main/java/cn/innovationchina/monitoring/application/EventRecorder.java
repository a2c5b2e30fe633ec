package cn.innovationchina.monitoring.application;

import org.springframework.stereotype.Service;

import cn.innovationchina.events.DomainEvent;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.PilotCityEvent;
import cn.innovationchina.monitoring.domain.Fact;
import cn.innovationchina.monitoring.domain.PilotCity;
import cn.innovationchina.monitoring.persistence.Facts;
import cn.innovationchina.monitoring.persistence.PilotCityList;
import cn.innovationchina.reference.PilotCities;
import reactor.core.publisher.Mono;

/**
 * Keeps every event the figures need as a fact; events without a pilot city count for no city and are skipped. A
 * pilot city's own events are not matchmaking: they keep the list of cities that have reports and are ranked. A
 * new fact is announced to every instance, for the city's live reports.
 */
@Service
public class EventRecorder {

    private final Facts facts;
    private final PilotCityList pilotCities;
    private final PilotCities cities;
    private final FigureBroadcast broadcast;

    EventRecorder(Facts facts, PilotCityList pilotCities, PilotCities cities, FigureBroadcast broadcast) {
        this.facts = facts;
        this.pilotCities = pilotCities;
        this.cities = cities;
        this.broadcast = broadcast;
    }

    public Mono<Void> pilotCity(EventEnvelope<? extends PilotCityEvent> event) {
        return pilotCities.record(PilotCity.of(event.payload()), event.aggregateVersion());
    }

    public Mono<Void> fact(EventEnvelope<? extends DomainEvent> event) {
        String city = event.cityCode();
        if (city == null) {
            return Mono.empty();
        }
        return facts.record(Fact.of(event, cities)).doOnNext(recorded -> {
            if (recorded) {
                broadcast.announce(city);
            }
        }).then();
    }
}
