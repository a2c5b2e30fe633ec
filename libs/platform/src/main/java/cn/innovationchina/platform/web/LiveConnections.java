package cn.innovationchina.platform.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Flux;

/**
 * How many live streams (server-sent events) one user holds open on this instance. Each stream costs the instance
 * work for every event it pushes, so one user's tabs and devices get a few and one more is a 429
 * ({@code platform.web.live.max-connections-per-user}).
 */
public class LiveConnections {

    private final Map<String, Integer> open = new ConcurrentHashMap<>();
    private final int maxPerUser;

    public LiveConnections(int maxPerUser) {
        this.maxPerUser = maxPerUser;
    }

    /**
     * Opens the user's stream if he has room for one, and counts it until it ends.
     *
     * @throws ResponseStatusException 429 when the user already holds the most streams he may
     */
    public <T> Flux<T> open(String user, Supplier<Flux<T>> stream) {
        if (open.merge(user, 1, Integer::sum) > maxPerUser) {
            close(user);
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS,
                    "At most " + maxPerUser + " live connections per user");
        }
        try {
            return stream.get().doFinally(signal -> close(user));
        } catch (RuntimeException e) {
            close(user);
            throw e;
        }
    }

    private void close(String user) {
        open.computeIfPresent(user, (u, held) -> held <= 1 ? null : held - 1);
    }
}
