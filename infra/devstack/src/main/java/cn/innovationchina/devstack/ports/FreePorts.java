package cn.innovationchina.devstack.ports;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the stack of a harness or a test, free when asked for. They are taken below the kernel's ephemeral range
 * (32768-60999 on Linux): a port there that is free now can be taken by an outgoing connection (the Kafka clients of
 * the services already starting) before the process meant to listen on it binds it. A random start keeps two stacks
 * starting at once apart.
 */
public final class FreePorts {

    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_000;
    private static final int ATTEMPTS = 100;

    private FreePorts() {
    }

    /** The first of {@code count} consecutive free ports (Kafka's controller listens on the port after its own). */
    public static int run(int count) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST - count);
            if (allFree(first, count)) {
                return first;
            }
        }
        throw new IllegalStateException("No " + count + " free ports in a row between " + LOWEST + " and " + HIGHEST);
    }

    private static boolean allFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            try (var socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
