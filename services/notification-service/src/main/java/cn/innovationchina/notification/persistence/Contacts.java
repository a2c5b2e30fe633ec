package cn.innovationchina.notification.persistence;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import cn.innovationchina.notification.domain.Recipient;
import reactor.core.publisher.Mono;

/** The email address each recipient registered here; it never leaves this service's database. */
@Component
public class Contacts {

    static final String COLLECTION = "contacts";

    private final ReactiveMongoTemplate mongo;

    Contacts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<String> emailOf(Recipient recipient) {
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", recipient.key())).first()))
                .mapNotNull(document -> document.getString("email"));
    }

    public Mono<Void> registerEmail(Recipient recipient, String email) {
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", recipient.key()), Updates.set("email", email),
                        new UpdateOptions().upsert(true))))
                .then();
    }
}
