package cn.innovationchina.monitoring.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import cn.innovationchina.monitoring.application.FigureBroadcast;
import cn.innovationchina.monitoring.application.FigureUpdates;
import cn.innovationchina.platform.messaging.BroadcastReadiness;
import cn.innovationchina.platform.messaging.Broadcasts;

/**
 * The live reports across instances (ADR 0048, as ADR 0030 does for notification-service). The instance that
 * records a fact refreshes its pilot city's live reports it holds and announces the city on {@code monitoring.live};
 * every other instance reads that topic as an anonymous group of its own (a broadcast, from the latest record on) and
 * refreshes the city's live reports it holds. An instance skips its own announcements (ADR 0081).
 */
@Configuration
class LiveFigures {

    static final String TOPIC = "monitoring.live";
    static final String CHANGED_CITIES = "changedCities-in-0";

    /** The record is the city code alone, keyed by it; a burst of one city's facts is announced once. */
    @Bean
    FigureBroadcast figureBroadcast(Broadcasts broadcasts, FigureUpdates updates,
            @Value("${monitoring.live.announce-window}") Duration window) {
        return new CityAnnouncements(city -> {
            updates.changed(city);
            broadcasts.send(TOPIC, city, city.getBytes(StandardCharsets.UTF_8),
                    "New facts of " + city + " (recorded all the same)");
        }, window);
    }

    @Bean
    Consumer<Message<byte[]>> changedCities(FigureUpdates updates) {
        return message -> updates.changed(new String(message.getPayload(), StandardCharsets.UTF_8));
    }

    /** Live reports are not for this instance until it reads the announcements: it is not ready before. */
    @Bean
    BroadcastReadiness liveReportsHealthIndicator() {
        return new BroadcastReadiness(CHANGED_CITIES, "not reading the announced facts yet");
    }
}
