package cn.innovationchina.monitoring.application;

import java.time.Duration;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Which pilot city just got a new fact, as every instance announces it ({@link FigureBroadcast}), for the live
 * reports open on this instance.
 */
@Component
public class FigureUpdates {

    private final Sinks.Many<String> cities = Sinks.many().multicast().directBestEffort();

    public void changed(String cityCode) {
        cities.emitNext(cityCode, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
    }

    /** The updates of one city; a slow subscriber misses some, and the next report includes them. */
    public Flux<String> of(String cityCode) {
        return cities.asFlux().filter(cityCode::equals).onBackpressureLatest();
    }
}
