package cn.innovationchina.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The devstack's MongoDB: mongo-java-server speaking the wire protocol, with an H2 file backend so data survives a
 * restart. Usage: {@code MongoWireServer PORT DATA_FILE}.
 */
public final class MongoWireServer {

    private MongoWireServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        var backend = new H2Backend(file.toString());
        var server = new MongoServer(backend);
        server.enableOplog();
        server.bind("127.0.0.1", port);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            backend.close();
            stopped.countDown();
        }, "mongo-wire-shutdown"));
        System.out.println("Mongo wire server listening on 127.0.0.1:" + port + ", data in " + file);
        stopped.await();
    }
}
