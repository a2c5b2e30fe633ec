package cn.innovationchina.monitoring.messaging;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import cn.innovationchina.monitoring.application.FigureBroadcast;
import reactor.core.publisher.Mono;

/**
 * Announces a pilot city once for a burst of its facts: a demand's events (submitted, published, proposed, the
 * notices about it) arrive within a fraction of a second and each is a fact of the same city, but the live reports
 * need to hear of the city once after the last of them. The first fact of a city starts a window; the city is
 * announced when it closes, so every fact recorded before then is in the reports the announcement refreshes, and a
 * fact recorded after it starts the next window.
 */
final class CityAnnouncements implements FigureBroadcast {

    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final Consumer<String> announce;
    private final Duration window;

    CityAnnouncements(Consumer<String> announce, Duration window) {
        this.announce = announce;
        this.window = window;
    }

    @Override
    public void announce(String cityCode) {
        if (waiting.add(cityCode)) {
            Mono.delay(window).subscribe(closed -> {
                waiting.remove(cityCode);
                announce.accept(cityCode);
            });
        }
    }
}
