package cn.innovationchina.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import cn.innovationchina.devstack.demo.LoadData;
import cn.innovationchina.load.DemandDriver;
import cn.innovationchina.load.Seeding;
import cn.innovationchina.load.Step;

/**
 * Demands streaming in through the gateway at a steady rate, with a fault applied mid-stream, and the common verdict
 * on them: every published demand has its events and exactly one inbox entry about its matches, and the consumers
 * catch up. {@code nextProvider} is the next of the load's experts to import: those before it are on the platform.
 */
record DemandStream(Harness harness, int rate, DemandDriver driver, AtomicInteger nextProvider) {

    /** A fault to apply mid-stream; answers what it did. */
    interface Fault extends Callable<List<String>> {
    }

    /** A scenario's own checks on its step, beyond the common ones. */
    interface Check {
        List<String> problems(Step step);
    }

    /** Demands of the load's enterprises at {@code rate} a second; experts imported from {@code providers} on. */
    static DemandStream of(Harness harness, int rate, int providers, LoadData loadData) {
        return new DemandStream(harness, rate, new DemandDriver(harness.http(), harness.stack().gateway(), loadData,
                harness.enterpriseTokens()), new AtomicInteger(providers));
    }

    /** Streams for {@code seconds}, applies the fault after {@code faultAt} and judges what followed. */
    Verdict judge(String name, String promise, int seconds, int faultAt, Fault fault, Check check) throws Exception {
        List<String> findings = new ArrayList<>();
        long[] recovered = new long[1];
        Step step = stream(driver, seconds, faultAt, () -> {
            List<String> done = fault.call();
            recovered[0] = System.nanoTime();
            return done;
        }, findings);
        double caughtUp = harness.lag().awaitZero(900);
        double sinceRecovery = caughtUp < 0 ? -1 : (System.nanoTime() - recovered[0]) / 1e9;
        awaitNews(step);
        List<String> problems = new ArrayList<>(harness.effects().problems(step.published()));
        problems.addAll(check.problems(step));
        if (caughtUp < 0) {
            problems.add("the consumers did not catch up within 900 s");
        }
        findings.add("%d demands published at %d/s, %d refused %s; lag back to zero %.1f s after recovery"
                .formatted(step.published().size(), rate, step.failed(), step.failuresByReason(), sinceRecovery));
        findings.addAll(problems);
        return new Verdict(name, promise, problems.isEmpty(), findings);
    }

    /** Streams the load's demands for a while, without a fault. */
    Step stream(int seconds) throws Exception {
        return stream(driver, seconds, 0, List::of, new ArrayList<>());
    }

    /** Streams demands for a while; after {@code faultAt} seconds (0: never) applies the fault. */
    Step stream(DemandDriver with, int seconds, int faultAt, Fault fault, List<String> findings) throws Exception {
        var step = new Step(rate, seconds);
        var sender = new Thread(() -> with.run(step), "demand-stream");
        sender.start();
        if (faultAt > 0) {
            Thread.sleep(faultAt * 1000L);
            findings.addAll(fault.call());
        }
        sender.join();
        DemandDriver.awaitAnswers(step, Duration.ofSeconds(60));
        return step;
    }

    /** Waits up to 120 s until every published demand of the step has its inbox entry. */
    void awaitNews(Step step) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && !harness.effects().allNewsArrived(step.published())) {
            Thread.sleep(1000);
        }
    }

    /** Five new experts imported every two seconds while the task runs, so provider.events carries records too. */
    <T> T withProvidersArriving(Callable<T> task) throws Exception {
        var arrivals = Executors.newSingleThreadScheduledExecutor();
        arrivals.scheduleWithFixedDelay(() -> {
            try {
                Seeding.importProviders(harness.http(), harness.stack().gateway(), harness.tokens(),
                        nextProvider.getAndAdd(5), 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                Faults.log("importing providers during the stream failed: %s", e);
            }
        }, 0, 2, TimeUnit.SECONDS);
        try {
            return task.call();
        } finally {
            arrivals.shutdownNow();
        }
    }
}
