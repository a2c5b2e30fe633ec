package cn.innovationchina.notification.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import cn.innovationchina.events.EventJson;
import cn.innovationchina.events.MalformedEventException;
import cn.innovationchina.notification.application.LiveBroadcast;
import cn.innovationchina.notification.application.LiveStream;
import cn.innovationchina.notification.domain.InboxEntry;
import cn.innovationchina.notification.domain.Recipient;
import cn.innovationchina.platform.messaging.BroadcastReadiness;
import cn.innovationchina.platform.messaging.Broadcasts;
import tools.jackson.core.JacksonException;

/**
 * The live push across instances (ADR 0030). The instance that stores an inbox entry announces it on
 * {@code notification.live}, keyed by recipient, and pushes it to the connections of its recipient it holds at once;
 * every other instance reads that topic as an anonymous group of its own (a broadcast, from the latest record on) and
 * pushes each entry to the connections of its recipient it holds. An instance skips its own announcements
 * (ADR 0081).
 */
@Configuration
class LivePush {

    static final String TOPIC = "notification.live";
    static final String ENTRIES = "liveEntries-in-0";

    /** What goes on the topic: the entry and whose it is. */
    record Announced(String recipient, InboxEntry entry) {
    }

    @Bean
    LiveBroadcast liveBroadcast(Broadcasts broadcasts, LiveStream live) {
        return (recipient, entry) -> {
            live.publish(recipient, entry);
            broadcasts.send(TOPIC, recipient.key(),
                    EventJson.mapper().writeValueAsBytes(new Announced(recipient.key(), entry)),
                    "Inbox entry " + entry.id() + " (in the inbox all the same)");
        };
    }

    @Bean
    Consumer<Message<byte[]>> liveEntries(LiveStream live) {
        return message -> {
            Announced announced;
            try {
                announced = EventJson.mapper().readValue(message.getPayload(), Announced.class);
            } catch (JacksonException e) {
                throw new MalformedEventException("Not an announced inbox entry: " + e.getOriginalMessage());
            }
            live.publish(Recipient.ofKey(announced.recipient()), announced.entry());
        };
    }

    /** Live connections are not for this instance until it reads the announcements: it is not ready before. */
    @Bean
    BroadcastReadiness liveStreamHealthIndicator() {
        return new BroadcastReadiness(ENTRIES, "not reading the live announcements yet");
    }
}
