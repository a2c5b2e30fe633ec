package cn.innovationchina.platform.persistence;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import reactor.core.publisher.Mono;

/**
 * Whether a document with a given {@code _id} exists, asked as a find on {@code _id}: an index lookup on every
 * store. {@code countDocuments} is an aggregation, which the devstack's Mongo stand-in answered by reading the whole
 * collection until it learnt to start from the {@code $match} (ADR 0038); on the consumers' deduplication markers
 * that made every event cost more as the markers grew (docs/benchmarks.md).
 */
public final class DocumentIds {

    private DocumentIds() {
    }

    public static Mono<Boolean> exists(ReactiveMongoTemplate mongo, String collection, Object id) {
        return mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", id)).projection(Projections.include("_id"))
                        .first()))
                .map(Document::isEmpty).map(empty -> !empty).defaultIfEmpty(false);
    }
}
