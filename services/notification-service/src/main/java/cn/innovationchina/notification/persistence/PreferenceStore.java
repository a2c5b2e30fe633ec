package cn.innovationchina.notification.persistence;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

import cn.innovationchina.notification.domain.Digest;
import cn.innovationchina.notification.domain.Language;
import cn.innovationchina.notification.domain.NotificationType;
import cn.innovationchina.notification.domain.Preferences;
import cn.innovationchina.notification.domain.QuietHours;
import cn.innovationchina.notification.domain.Recipient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Each recipient's preferences; a recipient who never chose has the defaults. */
@Component
public class PreferenceStore {

    static final String COLLECTION = "preferences";

    private final ReactiveMongoTemplate mongo;

    PreferenceStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Preferences> of(Recipient recipient) {
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", recipient.key())).first()))
                .map(PreferenceStore::preferences)
                .defaultIfEmpty(Preferences.DEFAULT);
    }

    /** The recipients who chose this digest, with their preferences. */
    public Flux<Chosen> withDigest(Digest digest) {
        return mongo.getCollection(COLLECTION)
                .flatMapMany(c -> Flux.from(c.find(Filters.eq("digest", digest.name())).sort(Sorts.ascending("_id"))))
                .map(document -> new Chosen(Recipient.ofKey(document.getString("_id")), preferences(document)));
    }

    public Mono<Void> save(Recipient recipient, Preferences preferences) {
        var document = new Document("_id", recipient.key()).append("language", preferences.language().name())
                .append("emailMuted", preferences.emailMuted().stream().map(Enum::name).sorted().toList())
                .append("digest", preferences.digest().name());
        QuietHours quiet = preferences.quietHours();
        if (quiet != null) {
            document.append("quietHours", new Document("start", quiet.start().toString())
                    .append("end", quiet.end().toString()).append("zone", quiet.zone().getId()));
        }
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.replaceOne(Filters.eq("_id", recipient.key()), document,
                        new ReplaceOptions().upsert(true))))
                .then();
    }

    private static Preferences preferences(Document document) {
        return new Preferences(Language.valueOf(document.getString("language")),
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
}
