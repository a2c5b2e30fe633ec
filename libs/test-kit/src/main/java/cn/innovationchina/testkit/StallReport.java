package cn.innovationchina.testkit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.concurrent.TimeoutException;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a scenario fails because the service did not answer in time, prints what every thread of the test JVM was
 * doing: a stall seen once on a CI machine can then be told apart (a held lock, a blocked event loop, a lost reply)
 * without reproducing it.
 */
public final class StallReport implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (isStall(failure)) {
            StringBuilder report = new StringBuilder("Threads when ").append(context.getDisplayName())
                    .append(" gave up waiting:\n");
            for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
                report.append(thread.getThreadName()).append(' ').append(thread.getThreadState());
                if (thread.getLockOwnerName() != null) {
                    report.append(" waiting for ").append(thread.getLockName()).append(" held by ")
                            .append(thread.getLockOwnerName());
                }
                report.append('\n');
                for (StackTraceElement frame : thread.getStackTrace()) {
                    report.append("    at ").append(frame).append('\n');
                }
            }
            System.err.println(report);
        }
        throw failure;
    }

    private static boolean isStall(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof ConditionTimeoutException
                    || String.valueOf(cause.getMessage()).startsWith("Timeout on blocking read")) {
                return true;
            }
        }
        return false;
    }
}
