package cn.innovationchina.testkit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/** Waits for a read model or any other state to reach what a test expects. */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T awaitState(String what, Callable<T> state, Predicate<? super T> reached) {
        return Awaitility.await(what).atMost(EventProbe.PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(state, reached::test);
    }
}
