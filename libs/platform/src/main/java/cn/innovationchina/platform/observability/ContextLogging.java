package cn.innovationchina.platform.observability;

import io.micrometer.context.ContextSnapshotFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Log lines written in a reactive pipeline with the correlation id and the trace of its Reactor context in the MDC.
 * Reactor restores those thread locals only where it is asked to (limited context propagation, ADR 0082): restoring
 * them around every signal of every request cost more than any handler, for the few lines that are ever logged.
 * {@link #within} is the platform's one way to restore them for a moment; the outbox reads the current span with it.
 */
public final class ContextLogging {

    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private ContextLogging() {
    }

    /** Runs {@code logging} on this thread with the context's correlation id and trace restored as thread locals. */
    public static void within(ContextView context, Runnable logging) {
        try (var scope = SNAPSHOTS.setThreadLocalsFrom(context)) {
            logging.run();
        }
    }

    /** Logs, when subscribed, in the context of the pipeline it is part of; completes empty. */
    public static Mono<Void> log(Runnable logging) {
        return Mono.deferContextual(context -> {
            within(context, logging);
            return Mono.empty();
        });
    }
}
