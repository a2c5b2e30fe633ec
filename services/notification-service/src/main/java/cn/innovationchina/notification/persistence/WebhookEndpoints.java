package cn.innovationchina.notification.persistence;

import java.util.Date;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import cn.innovationchina.notification.domain.Recipient;
import cn.innovationchina.notification.domain.WebhookEndpoint;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The webhook endpoints recipients registered, with their signing secrets; like email addresses (ADR 0016), they
 * never leave this service's database.
 */
@Component
public class WebhookEndpoints implements InitializingBean {

    static final String COLLECTION = "webhooks";

    private final ReactiveMongoTemplate mongo;

    WebhookEndpoints(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index("owner", Sort.Direction.ASC).named("owner")).block();
    }

    public Mono<Void> add(WebhookEndpoint endpoint) {
        var document = new Document("_id", endpoint.id()).append("owner", endpoint.owner().key())
                .append("url", endpoint.url()).append("secret", endpoint.secret())
                .append("createdAt", Date.from(endpoint.createdAt()));
        return mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.insertOne(document))).then();
    }

    /** The recipient's endpoints, oldest first. */
    public Flux<WebhookEndpoint> of(Recipient owner) {
        return mongo.getCollection(COLLECTION)
                .flatMapMany(c -> Flux.from(c.find(Filters.eq("owner", owner.key()))
                        .sort(Sorts.ascending("createdAt", "_id"))))
                .map(WebhookEndpoints::endpoint);
    }

    /** How many endpoints each owner registered; read once at start, never on a notice's path. */
    public Flux<Counted> countsByOwner() {
        return mongo.getCollection(COLLECTION)
                .flatMapMany(c -> Flux.from(c.find().projection(new Document("owner", 1))))
                .collect(Collectors.groupingBy(d -> d.getString("owner"), TreeMap::new, Collectors.counting()))
                .flatMapIterable(TreeMap::entrySet)
                .map(counted -> new Counted(Recipient.ofKey(counted.getKey()), counted.getValue().intValue()));
    }

    public Mono<WebhookEndpoint> byId(String id) {
        return mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.find(Filters.eq("_id", id)).first()))
                .map(WebhookEndpoints::endpoint);
    }

    /** Removes one of the owner's endpoints; false when the owner has no endpoint with this id. */
    public Mono<Boolean> remove(Recipient owner, String id) {
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.deleteOne(Filters.and(Filters.eq("_id", id),
                        Filters.eq("owner", owner.key())))))
                .map(result -> result.getDeletedCount() == 1);
    }

    public record Counted(Recipient owner, int endpoints) {
    }

    private static WebhookEndpoint endpoint(Document d) {
        return new WebhookEndpoint(d.getString("_id"), Recipient.ofKey(d.getString("owner")), d.getString("url"),
                d.getString("secret"), d.getDate("createdAt").toInstant());
    }
}
