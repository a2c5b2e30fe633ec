package cn.innovationchina.platform.observability;

import org.slf4j.MDC;

import io.micrometer.context.ThreadLocalAccessor;

/**
 * Mirrors the correlation id of the Reactor context into the log MDC on whatever thread runs the work, so every
 * log line of a request carries it. Registered through {@code META-INF/services}; Reactor's automatic context
 * propagation ({@code spring.reactor.context-propagation=auto}) calls it.
 */
public class CorrelationMdcAccessor implements ThreadLocalAccessor<String> {

    @Override
    public Object key() {
        return Correlation.MDC_KEY;
    }

    @Override
    public String getValue() {
        return MDC.get(Correlation.MDC_KEY);
    }

    @Override
    public void setValue(String value) {
        MDC.put(Correlation.MDC_KEY, value);
    }

    @Override
    public void setValue() {
        MDC.remove(Correlation.MDC_KEY);
    }
}
