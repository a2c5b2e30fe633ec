package cn.innovationchina.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import cn.innovationchina.events.DemandEvent;
import cn.innovationchina.events.DemandSubmitted;
import cn.innovationchina.events.DemandWithdrawn;
import cn.innovationchina.events.DomainEvent;
import cn.innovationchina.events.EventEnvelope;
import reactor.core.publisher.Mono;

class EventHandlersTest {

    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final EventHandlers<DemandEvent> handlers = new InboundEvents(null, "a-group", Duration.ofSeconds(5),
            Clock.systemUTC()).handlers(DemandEvent.class)
            .on(DemandSubmitted.class, event -> note("reviewers hear of " + event.payload().title()))
            .on(DemandEvent.class, event -> note("the log records " + event.type()))
            .on(DemandSubmitted.class, event -> note("the title is learnt"));

    @Test
    void an_event_goes_to_every_handler_of_its_type_in_the_order_they_were_registered() {
        handlers.handle(envelope(new DemandSubmitted("dmd-1", "e-1", "XIANNING", "hydrogen", List.of("IT.AI"),
                true))).block();

        assertThat(handled).containsExactly("reviewers hear of hydrogen", "the log records DemandSubmitted",
                "the title is learnt");
    }

    @Test
    void a_handler_registered_for_a_supertype_sees_every_event_of_it() {
        handlers.handle(envelope(new DemandWithdrawn("dmd-1", "e-1", "XIANNING", null))).block();

        assertThat(handled).containsExactly("the log records DemandWithdrawn");
    }

    @Test
    void an_event_no_handler_is_registered_for_completes_without_effect() {
        var onlySubmissions = new InboundEvents(null, "a-group", Duration.ofSeconds(5), Clock.systemUTC())
                .handlers(DemandEvent.class)
                .on(DemandSubmitted.class, event -> note("submitted"));

        onlySubmissions.handle(envelope(new DemandWithdrawn("dmd-1", "e-1", "XIANNING", null))).block();

        assertThat(handled).isEmpty();
    }

    @Test
    void a_failing_handler_fails_the_event_and_the_handlers_after_it_do_not_run() {
        var failing = new InboundEvents(null, "a-group", Duration.ofSeconds(5), Clock.systemUTC())
                .handlers(DemandEvent.class)
                .on(DemandEvent.class, event -> Mono.error(new IllegalStateException("broker hiccup")))
                .on(DemandEvent.class, event -> note("after the failure"));

        var outcome = failing.handle(envelope(new DemandWithdrawn("dmd-1", "e-1", "XIANNING", null)))
                .then(Mono.just("done")).onErrorReturn("failed").block();

        assertThat(outcome).isEqualTo("failed");
        assertThat(handled).isEmpty();
    }

    private Mono<Void> note(String what) {
        return Mono.fromRunnable(() -> handled.add(what));
    }

    private static <E extends DomainEvent> EventEnvelope<E> envelope(E payload) {
        return EventEnvelope.wrap(payload, "dmd-1", 1, "XIANNING", new EventEnvelope.Tracing("corr-1", null),
                "a-test", Instant.now());
    }
}
