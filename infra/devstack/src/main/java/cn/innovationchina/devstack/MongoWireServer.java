package cn.innovationchina.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import cn.innovationchina.standin.CommandTimes;
import cn.innovationchina.standin.StandInBackend;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The devstack's MongoDB: mongo-java-server speaking the wire protocol, with an H2 file backend so data survives a
 * restart, or in memory (DATA_FILE {@value #IN_MEMORY}) for the load and fault harnesses: the H2 backend stores
 * documents and index keys by Java serialisation, which under load cost more CPU than the platform itself
 * (docs/benchmarks.md). Usage: {@code MongoWireServer PORT DATA_FILE}.
 */
public final class MongoWireServer {

    /** The data file that asks for the in-memory backend. */
    public static final String IN_MEMORY = "memory";
    private static final long SCAN_REPORT_MILLIS = 30_000;

    private MongoWireServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        MongoBackend backend;
        if (args[1].equals(IN_MEMORY)) {
            var standIn = new StandInBackend();
            reportScans(standIn);
            backend = standIn;
        } else {
            Path file = Path.of(args[1]);
            Files.createDirectories(file.toAbsolutePath().getParent());
            backend = new H2Backend(file.toString());
        }
        // No oplog: nothing here reads change streams, and it doubled every write.
        var server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            backend.close();
            stopped.countDown();
        }, "mongo-wire-shutdown"));
        System.out.println("Mongo wire server listening on 127.0.0.1:" + port + ", data in " + args[1]);
        stopped.await();
    }

    /**
     * Every half minute, the queries that read a whole collection meanwhile, how many commands came and how long
     * they took, and each kind of command by collection, longest in all first, into this process's log: a load run so
     * shows a scan, or a write, on a path its data grows on (ADR 0038), and how many commands a demand costs and where
     * (ADR 0080).
     */
    private static void reportScans(StandInBackend standIn) {
        Thread reporter = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(SCAN_REPORT_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                var scans = standIn.scans().snapshot();
                standIn.scans().clear();
                scans.forEach((namespace, tally) -> System.out.printf("Scans in the last %d s: %s %d scans, %d"
                        + " documents read, query fields %s%n", SCAN_REPORT_MILLIS / 1000, namespace, tally.scans(),
                        tally.documentsRead(), tally.queryShapes()));
                var longest = standIn.commandTimes().longestFirst();
                standIn.commandTimes().clear();
                if (!longest.isEmpty()) {
                    System.out.printf("Commands in the last %d s, all of them: %d, %.0f ms in all%n",
                            SCAN_REPORT_MILLIS / 1000, longest.stream().mapToLong(CommandTimes.Tally::count).sum(),
                            longest.stream().mapToLong(CommandTimes.Tally::nanos).sum() / 1e6);
                }
                longest.forEach(tally -> System.out.printf("Commands in the last %d"
                        + " s: %s %d, %.0f ms in all, %.2f ms each%n", SCAN_REPORT_MILLIS / 1000, tally.command(),
                        tally.count(), tally.nanos() / 1e6, tally.nanos() / 1e6 / tally.count()));
            }
        }, "scan-report");
        reporter.setDaemon(true);
        reporter.start();
    }
}
