package cn.innovationchina.testkit;

import java.net.InetSocketAddress;
import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import cn.innovationchina.events.Topics;
import cn.innovationchina.standin.ScanLog;
import cn.innovationchina.standin.StandInBackend;
import de.bwaldvogel.mongo.MongoServer;

/**
 * A real Kafka broker (KRaft, in-process) and a MongoDB wire-protocol server on a TCP port, started once per test
 * JVM and stopped when it exits. Tests talk to them over the network exactly as services do in production.
 */
public final class RealInfrastructure {

    /** Partitions of the platform topics: more than one, so per-key ordering is really exercised. */
    public static final int PARTITIONS = 3;

    private static RealInfrastructure started;

    private final EmbeddedKafkaKraftBroker kafka;
    private final StandInBackend mongoBackend = new StandInBackend();
    private final MongoServer mongo;
    private final InetSocketAddress mongoAddress;

    private RealInfrastructure() {
        kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS, Topics.DEMAND_EVENTS, Topics.PROVIDER_EVENTS,
                Topics.MATCH_EVENTS, Topics.NOTIFICATION_EVENTS);
        kafka.brokerProperties(Map.of("auto.create.topics.enable", "true", "num.partitions",
                String.valueOf(PARTITIONS), "group.initial.rebalance.delay.ms", "0"));
        kafka.afterPropertiesSet();
        mongo = new MongoServer(mongoBackend);
        mongo.enableOplog();
        mongoAddress = mongo.bind();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.shutdownNow();
            kafka.destroy();
        }, "real-infrastructure-shutdown"));
    }

    public static synchronized RealInfrastructure get() {
        if (started == null) {
            started = new RealInfrastructure();
        }
        return started;
    }

    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    /** The collections the Mongo stand-in read whole, so a test can tell a hot path that no index serves. */
    public ScanLog mongoScans() {
        return mongoBackend.scans();
    }

    /** The text of every document in every database of the Mongo server, to search for what must not be there. */
    public String storedText() {
        var text = new StringBuilder();
        try (MongoClient client = MongoClients.create(mongoUri())) {
            for (String database : client.listDatabaseNames()) {
                MongoDatabase stored = client.getDatabase(database);
                for (String collection : stored.listCollectionNames()) {
                    stored.getCollection(collection).find().forEach(document -> text.append(document.toJson())
                            .append('\n'));
                }
            }
        }
        return text.toString();
    }

    public String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoAddress.getPort();
    }

    /** The Spring properties that point a service at this infrastructure and trust {@link Tokens}. */
    public Map<String, String> springProperties() {
        return Map.of(
                "spring.kafka.bootstrap-servers", kafkaBootstrapServers(),
                "spring.cloud.stream.kafka.binder.brokers", kafkaBootstrapServers(),
                "spring.mongodb.uri", mongoUri(),
                "spring.security.oauth2.resourceserver.jwt.public-key-location",
                "file:" + Tokens.publicKeyFile());
    }
}
