package cn.innovationchina.notification.persistence;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import cn.innovationchina.notification.domain.Language;
import cn.innovationchina.notification.domain.Recipient;
import reactor.core.publisher.Mono;

/** The language each recipient reads notifications in; a recipient who never chose reads the default. */
@Component
public class LanguagePreferences {

    static final String COLLECTION = "preferences";

    private final ReactiveMongoTemplate mongo;

    LanguagePreferences(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Language> of(Recipient recipient) {
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", recipient.key())).first()))
                .map(document -> Language.valueOf(document.getString("language")))
                .defaultIfEmpty(Language.DEFAULT);
    }

    public Mono<Void> choose(Recipient recipient, Language language) {
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", recipient.key()),
                        Updates.set("language", language.name()), new UpdateOptions().upsert(true))))
                .then();
    }
}
