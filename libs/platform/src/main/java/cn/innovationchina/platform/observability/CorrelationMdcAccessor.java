package cn.innovationchina.platform.observability;

import org.slf4j.MDC;

import io.micrometer.context.ThreadLocalAccessor;

/**
 * Mirrors the correlation id of the Reactor context into the log MDC on whatever thread writes a log line of the
 * work. Registered through {@code META-INF/services}; {@link ContextLogging} and a captured context call it.
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
