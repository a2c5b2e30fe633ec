package cn.innovationchina.notification.persistence;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import cn.innovationchina.notification.domain.Digest;
import cn.innovationchina.notification.domain.Language;
import cn.innovationchina.notification.domain.NotificationType;
import cn.innovationchina.notification.domain.Preferences;
import cn.innovationchina.notification.domain.QuietHours;
import cn.innovationchina.notification.domain.Recipient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Each recipient's preferences; a recipient who never chose has the defaults. The same document counts the webhook
 * endpoints the recipient registered ({@code webhooks}, ADR 0087), so delivering a notice reads one document and
 * looks for endpoints only when there may be some. The count is raised before an endpoint is stored and lowered after
 * one is removed, so it is never below the endpoints there are.
 */
@Component
public class PreferenceStore {

    static final String COLLECTION = "preferences";
    private static final String WEBHOOKS = "webhooks";

    private final ReactiveMongoTemplate mongo;

    PreferenceStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Preferences> of(Recipient recipient) {
        return forDelivery(recipient).map(Delivering::preferences);
    }

    /** The recipient's preferences, and whether it may have webhook endpoints. */
    public Mono<Delivering> forDelivery(Recipient recipient) {
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", recipient.key())).first()))
                .map(document -> new Delivering(preferences(document),
                        document.get(WEBHOOKS) instanceof Number count && count.longValue() > 0))
                .defaultIfEmpty(new Delivering(Preferences.DEFAULT, false));
    }

    /** Counts an endpoint about to be registered. */
    public Mono<Void> webhookAdding(Recipient recipient) {
        return countWebhooks(recipient, Updates.inc(WEBHOOKS, 1));
    }

    /** Counts an endpoint removed. */
    public Mono<Void> webhookRemoved(Recipient recipient) {
        return countWebhooks(recipient, Updates.inc(WEBHOOKS, -1));
    }

    /** Counts at least {@code registered} endpoints: endpoints registered before they were counted here. */
    public Mono<Void> webhooksAtLeast(Recipient recipient, int registered) {
        return countWebhooks(recipient, Updates.max(WEBHOOKS, registered));
    }

    private Mono<Void> countWebhooks(Recipient recipient, Bson count) {
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", recipient.key()), count,
                        new UpdateOptions().upsert(true))))
                .then();
    }

    /** The recipients who chose this digest, with their preferences. */
    public Flux<Chosen> withDigest(Digest digest) {
        return mongo.getCollection(COLLECTION)
                .flatMapMany(c -> Flux.from(c.find(Filters.eq("digest", digest.name())).sort(Sorts.ascending("_id"))))
                .map(document -> new Chosen(Recipient.ofKey(document.getString("_id")), preferences(document)));
    }

    /** Sets what the recipient chose; the count of its webhooks stays. */
    public Mono<Void> save(Recipient recipient, Preferences preferences) {
        QuietHours quiet = preferences.quietHours();
        Bson chosen = Updates.combine(Updates.set("language", preferences.language().name()),
                Updates.set("emailMuted", preferences.emailMuted().stream().map(Enum::name).sorted().toList()),
                Updates.set("digest", preferences.digest().name()),
                quiet == null ? Updates.unset("quietHours")
                        : Updates.set("quietHours", new Document("start", quiet.start().toString())
                                .append("end", quiet.end().toString()).append("zone", quiet.zone().getId())));
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", recipient.key()), chosen,
                        new UpdateOptions().upsert(true))))
                .then();
    }

    /** A document that only counts webhooks holds the defaults. */
    private static Preferences preferences(Document document) {
        return new Preferences(Language.valueOf(document.get("language", Preferences.DEFAULT.language().name())),
                document.getList("emailMuted", String.class, List.of()).stream().map(NotificationType::valueOf)
                        .collect(Collectors.toSet()),
                Digest.valueOf(document.get("digest", Digest.IMMEDIATE.name())), quietHours(document));
    }

    private static @Nullable QuietHours quietHours(Document preferences) {
        Document quiet = preferences.get("quietHours", Document.class);
        return quiet == null ? null : new QuietHours(LocalTime.parse(quiet.getString("start")),
                LocalTime.parse(quiet.getString("end")), ZoneId.of(quiet.getString("zone")));
    }

    public record Chosen(Recipient recipient, Preferences preferences) {
    }

    /** What delivering a notice needs to know of its recipient. */
    public record Delivering(Preferences preferences, boolean mayHaveWebhooks) {
    }
}
