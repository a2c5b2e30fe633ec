package cn.innovationchina.platform.observability;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.EventEnvelope.Tracing;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * The correlation id of one conversation (an HTTP request and every event that follows from it) and the event that
 * caused the current work, carried in the Reactor context; the log MDC mirrors the correlation id.
 */
public final class Correlation {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    static final String CONTEXT_KEY = "platform.tracing";

    private Correlation() {
    }

    public static Context with(Tracing tracing) {
        return Context.of(CONTEXT_KEY, tracing, MDC_KEY, tracing.correlationId());
    }

    /** The tracing of the current work, or a fresh conversation when there is none. */
    public static Tracing current(ContextView context) {
        return context.<Tracing>getOrEmpty(CONTEXT_KEY).orElseGet(() -> new Tracing(newId(), null));
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Accepts a caller's id only when it is short and plain, so logs and headers cannot be polluted. */
    public static String sanitise(@Nullable String candidate) {
        if (candidate == null || candidate.isBlank() || candidate.length() > 64
                || !candidate.matches("[A-Za-z0-9._:-]+")) {
            return newId();
        }
        return candidate;
    }
}
