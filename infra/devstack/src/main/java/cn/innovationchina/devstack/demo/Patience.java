package cn.innovationchina.devstack.demo;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Asks again every quarter second until a condition holds or the seconds are up; the loader then goes on. */
final class Patience {

    private Patience() {
    }

    /** Whether the condition held within the seconds (false too when interrupted). */
    static boolean await(int seconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
