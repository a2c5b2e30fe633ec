package cn.innovationchina.notification.web;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import cn.innovationchina.notification.application.Inbox;
import cn.innovationchina.notification.domain.InboxEntry;
import cn.innovationchina.platform.security.PlatformUser;
import reactor.core.publisher.Flux;

/**
 * The caller's notifications as Server-Sent Events: each event's id is the inbox entry's id, so a browser that
 * reconnects with {@code Last-Event-ID} first receives what it missed. Heartbeat comments keep proxies from closing
 * a quiet connection and let the server notice a client that left.
 */
@RestController
class LiveController {

    private final Inbox inbox;
    private final Duration heartbeat;

    LiveController(Inbox inbox, @Value("${notification.live.heartbeat}") Duration heartbeat) {
        this.inbox = inbox;
        this.heartbeat = heartbeat;
    }

    @GetMapping(path = "/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<InboxEntry>> stream(@AuthenticationPrincipal PlatformUser user,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
        Flux<ServerSentEvent<InboxEntry>> entries = inbox.stream(user.subject(), Recipients.of(user), lastEventId)
                .map(entry -> ServerSentEvent.builder(entry).id(entry.id()).event("notification").build());
        // The first heartbeat goes out at once, so the client holds an open stream before anything happens.
        Flux<ServerSentEvent<InboxEntry>> heartbeats = Flux.interval(Duration.ZERO, heartbeat)
                .map(tick -> ServerSentEvent.<InboxEntry>builder().comment("heartbeat").build());
        return Flux.merge(entries, heartbeats);
    }
}
