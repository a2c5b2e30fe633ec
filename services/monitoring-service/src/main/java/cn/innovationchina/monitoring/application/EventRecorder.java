package cn.innovationchina.monitoring.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.innovationchina.events.ContractSigned;
import cn.innovationchina.events.DomainEvent;
import cn.innovationchina.events.EventEnvelope;
import cn.innovationchina.events.PilotCityEvent;
import cn.innovationchina.monitoring.domain.Fact;
import cn.innovationchina.monitoring.domain.PilotCity;
import cn.innovationchina.monitoring.persistence.Facts;
import cn.innovationchina.monitoring.persistence.PilotCityList;
import cn.innovationchina.platform.observability.ContextLogging;
import cn.innovationchina.reference.PilotCities;
import reactor.core.publisher.Mono;

/**
 * Keeps every event the figures need as a fact; events without a pilot city count for no city and are skipped. A
 * pilot city's own events are not matchmaking: they keep the list of cities that have reports and are ranked. A
 * new fact is announced to every instance, for the city's live reports.
 */
@Service
public class EventRecorder {

    private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);

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
        Fact fact = Fact.of(event, cities);
        return facts.record(fact).flatMap(recorded -> {
            if (!recorded) {
                return Mono.empty();
            }
            broadcast.announce(city);
            // Said once, when the fact is first recorded: a redelivery records nothing.
            return fact.valueCounted() ? Mono.empty() : ContextLogging.log(() -> log.warn("Contract of demand {} "
                    + "in {} claims {} CNY, more than the {} CNY a contract may be worth: counted as signed, its "
                    + "value in no figure (event {})", fact.demandId(), city, fact.valueCny(),
                    ContractSigned.MAX_VALUE_CNY, fact.eventId()));
        }).then();
    }
}
