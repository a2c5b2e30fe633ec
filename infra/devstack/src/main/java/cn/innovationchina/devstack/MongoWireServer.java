package cn.innovationchina.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

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

    private MongoWireServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        MongoBackend backend;
        if (args[1].equals(IN_MEMORY)) {
            backend = new StandInBackend();
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
}
