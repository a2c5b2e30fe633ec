package cn.innovationchina.notification.application;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import org.springframework.stereotype.Component;

import cn.innovationchina.notification.domain.InboxEntry;
import cn.innovationchina.notification.domain.Recipient;
import cn.innovationchina.platform.web.LiveConnections;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The live channel: new inbox entries, as every instance announces them ({@link LiveBroadcast}), pushed to the
 * connections of their recipient open on this instance. It is a view of the inbox, not a second store: a client
 * that was away resumes from the inbox (see {@link Inbox#stream}).
 */
@Component
public class LiveStream {

    private final Map<String, Set<Sinks.Many<InboxEntry>>> connections = new ConcurrentHashMap<>();
    private final LiveConnections perUser;

    LiveStream(LiveConnections perUser) {
        this.perUser = perUser;
    }

    /**
     * Opens a connection for a user now, so nothing delivered from this moment is missed; the entries wait in the
     * connection's buffer until the flux is subscribed. A user with too many open connections gets 429.
     */
    Flux<InboxEntry> open(String user, Recipient recipient) {
        return perUser.open(user, () -> {
            Sinks.Many<InboxEntry> sink = Sinks.many().unicast().onBackpressureBuffer();
            connections.computeIfAbsent(recipient.key(), r -> new CopyOnWriteArraySet<>()).add(sink);
            return sink.asFlux().doFinally(signal -> connections.getOrDefault(recipient.key(), Set.of()).remove(sink));
        });
    }

    public void publish(Recipient recipient, InboxEntry entry) {
        // Announcements from several partitions may reach one recipient at once; a sink takes one at a time.
        connections.getOrDefault(recipient.key(), Set.of())
                .forEach(sink -> sink.emitNext(entry, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100))));
    }
}
