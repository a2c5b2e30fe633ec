package cn.innovationchina.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;

/**
 * A service reads an aggregate while its outbox relay updates the same document, all the time. mongo-java-server
 * sends a found document as it is stored, after letting go of the collection; a write changing it meanwhile broke
 * the encoding, and the reader never got an answer (seen as a rare test whose call timed out).
 */
class ConcurrentReadsTest {

    private final MongoServer server = new MongoServer(new StandInBackend());
    private MongoClient client;

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void every_read_of_a_document_being_updated_is_answered() throws Exception {
        var address = server.bind();
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
                .applyToSocketSettings(socket -> socket.readTimeout(5, TimeUnit.SECONDS)).build());
        var providers = client.getDatabase("expert").getCollection("providers");
        List<Document> outbox = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            outbox.add(new Document("eventId", "event-" + i).append("payload", new Document("n", i)));
        }
        var provider = new Document("_id", "PRV-1").append("outbox", outbox);
        for (int i = 0; i < 2_000; i++) {
            provider.append("field" + i, "value " + i);
        }
        providers.insertOne(provider);
        var writing = new AtomicBoolean(true);
        var relay = new Thread(() -> {
            for (int i = 0; writing.get(); i++) {
                // A lease taken, then released: fields come and go, as the relay's do.
                providers.updateOne(Filters.eq("_id", "PRV-1"), i % 2 == 0
                        ? Updates.combine(Updates.set("lease", new Document("owner", "relay").append("n", i)),
                                Updates.set("outbox." + (i % 200) + ".lease", i))
                        : Updates.combine(Updates.unset("lease"), Updates.unset("outbox." + ((i - 1) % 200) + ".lease")));
            }
        });
        relay.start();
        try {
            var answered = new AtomicInteger();
            List<Thread> readers = new ArrayList<>();
            for (int reader = 0; reader < 3; reader++) {
                var reading = new Thread(() -> {
                    for (int i = 0; i < 300; i++) {
                        if (providers.find(Filters.eq("_id", "PRV-1")).first() != null) {
                            answered.incrementAndGet();
                        }
                    }
                });
                reading.start();
                readers.add(reading);
            }
            for (Thread reader : readers) {
                reader.join();
            }
            assertThat(answered).hasValue(900);
        } finally {
            writing.set(false);
            relay.join();
        }
    }
}
