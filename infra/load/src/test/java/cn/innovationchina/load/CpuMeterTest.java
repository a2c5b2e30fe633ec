package cn.innovationchina.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

class CpuMeterTest {

    private final Map<String, Long> thisProcess = Map.of("harness", ProcessHandle.current().pid());

    @Test
    void a_busy_thread_shows_under_its_kind_and_the_jit_compilers_under_theirs() throws InterruptedException {
        var measured = new CountDownLatch(1);
        var spun = new CountDownLatch(1);
        Thread burner = new Thread(() -> {
            spinForHalfASecond();
            spun.countDown();
            awaitQuietly(measured);
        }, "burner-17");
        var before = CpuMeter.read(thisProcess);

        burner.start();
        spun.await();
        var after = CpuMeter.read(thisProcess);
        measured.countDown();

        var kinds = after.threadSecondsSince(before).get("harness");
        assertThat(kinds).containsKey("burner-#");
        assertThat(kinds.get("burner-#")).isGreaterThanOrEqualTo(0.3);
        assertThat(after.threads().get("harness")).containsKey(CpuMeter.COMPILERS);
        assertThat(after.secondsSince(before).get("harness")).isGreaterThanOrEqualTo(kinds.get("burner-#"));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void spinForHalfASecond() {
        long end = System.nanoTime() + 500_000_000L;
        long spins = 0;
        while (System.nanoTime() < end) {
            spins++;
        }
        assertThat(spins).isPositive();
    }
}
