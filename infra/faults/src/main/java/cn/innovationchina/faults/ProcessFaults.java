package cn.innovationchina.faults;

import java.util.List;

import cn.innovationchina.devstack.DevStack;

/**
 * Faults of a process, applied mid-stream through the stack's control: kill -9 and restart, the broker down for a
 * while, a consumer paused (SIGSTOP) past its session timeout. Each is an outage: the process is taken away, stays
 * away for some seconds, and is brought back.
 */
record ProcessFaults(DevStack stack, DemandStream stream) {

    /** What the stack does to one of its processes. */
    private interface Control {
        void apply(String process) throws Exception;
    }

    Verdict killAndRestart(String name) throws Exception {
        String promise = "kill -9 " + name + " mid-stream, restart after 5 s: every published demand has its events "
                + "and exactly one inbox entry about its matches; the consumers catch up";
        return outage("kill-" + name, promise, 60, 20, name, stack::kill, 5, stack::restart,
                name + " killed, restarted after 5 s", step -> List.of());
    }

    Verdict brokerDown() throws Exception {
        String promise = "the broker is down for 30 s: the APIs keep accepting demands (the outbox holds the events) "
                + "and everything flows once it is back";
        return outage("broker-down", promise, 60, 10, "kafka", stack::kill, 30, stack::restart,
                "broker down for 30 s", step -> step.failed() == 0 ? List.of()
                        : List.of("demands refused while the broker was down: " + step.failuresByReason()));
    }

    Verdict pauseConsumer() throws Exception {
        String promise = "notification-service paused (SIGSTOP) for 60 s, longer than its session timeout: its "
                + "partitions move to the other instance, nothing is lost or done twice";
        return outage("pause-notification", promise, 100, 15, "notification-service", stack::pause, 60,
                stack::resume, "notification-service stopped for 60 s, then continued", step -> List.of());
    }

    /** Streams for {@code seconds}; at {@code faultAt} takes the process away, brings it back after {@code away}. */
    private Verdict outage(String name, String promise, int seconds, int faultAt, String process, Control takeAway,
            int away, Control bringBack, String done, DemandStream.Check check) throws Exception {
        return stream.judge(name, promise, seconds, faultAt, () -> {
            takeAway.apply(process);
            Thread.sleep(away * 1000L);
            bringBack.apply(process);
            return List.of(done);
        }, check);
    }
}
