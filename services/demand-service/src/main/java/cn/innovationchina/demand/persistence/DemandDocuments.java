package cn.innovationchina.demand.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import cn.innovationchina.demand.domain.DemandSearch;
import cn.innovationchina.demand.domain.DemandStatus;
import cn.innovationchina.events.Visibility;
import cn.innovationchina.platform.web.PageRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads demand documents. Text search is a case-insensitive "contains" (the Mongo wire server has no
 * {@code $text}); a confidential demand is matched only on what the searcher sees of it, so a search never reveals
 * what it hides.
 */
@Component
public class DemandDocuments {

    private final ReactiveMongoTemplate mongo;

    DemandDocuments(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<DemandDocument> find(String id) {
        return mongo.findById(id, DemandDocument.class);
    }

    /** A filter on the listing pages; null parts do not filter. Drafts are their enterprise's alone. */
    public record Filter(@Nullable String ownerId, @Nullable String cityCode, @Nullable DemandStatus status,
            boolean includeDrafts) {
    }

    public record Page(List<DemandDocument> items, long total) {
    }

    public Mono<Page> list(Filter filter, PageRequest page) {
        List<Criteria> all = new ArrayList<>();
        if (filter.ownerId() != null) {
            all.add(Criteria.where("enterprise.enterpriseId").is(filter.ownerId()));
        }
        if (filter.cityCode() != null) {
            all.add(Criteria.where("cityCode").is(filter.cityCode()));
        }
        if (filter.status() != null) {
            all.add(Criteria.where("status").is(filter.status()));
        }
        if (!filter.includeDrafts()) {
            all.add(Criteria.where("status").ne(DemandStatus.DRAFT));
        }
        return page(all, page);
    }

    /**
     * Published demands. A searcher who sees confidential demands only as summaries (city, title, fields; ADR 0007)
     * matches a confidential one on what the summary shows alone: the text on its title, and not at all by a
     * search naming a cooperation mode, which the summary hides.
     */
    public Mono<Page> searchPublished(DemandSearch search, boolean confidentialInFull, PageRequest page) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("status").is(DemandStatus.PUBLISHED));
        if (search.fieldCode() != null) {
            all.add(Criteria.where("content.fieldCodes").is(search.fieldCode()));
        }
        if (search.cityCode() != null) {
            all.add(Criteria.where("cityCode").is(search.cityCode()));
        }
        // Filters on what a summary hides: they match only the demands the searcher sees whole.
        List<Criteria> onWhole = new ArrayList<>();
        if (search.mode() != null) {
            onWhole.add(Criteria.where("content.cooperationModes").is(search.mode()));
        }
        Pattern contains = search.text() == null || search.text().isBlank() ? null
                : Pattern.compile(Pattern.quote(search.text().strip()), Pattern.CASE_INSENSITIVE);
        if (contains != null) {
            onWhole.add(new Criteria().orOperator(
                    Criteria.where("content.title").regex(contains),
                    Criteria.where("content.background").regex(contains),
                    Criteria.where("content.keyProblems").regex(contains),
                    Criteria.where("content.targetOutcomes").regex(contains),
                    Criteria.where("content.keywords").regex(contains)));
        }
        if (confidentialInFull || onWhole.isEmpty()) {
            all.addAll(onWhole);
        } else {
            onWhole.add(Criteria.where("content.visibility").ne(Visibility.CONFIDENTIAL));
            Criteria whole = new Criteria().andOperator(onWhole);
            all.add(search.mode() != null ? whole : new Criteria().orOperator(whole, new Criteria().andOperator(
                    Criteria.where("content.visibility").is(Visibility.CONFIDENTIAL),
                    Criteria.where("content.title").regex(contains))));
        }
        return page(all, page);
    }

    /** Published demands whose deadline day is over; the expiry job re-checks each before ending it. */
    public Flux<DemandDocument> dueForExpiry(LocalDate today) {
        return mongo.find(Query.query(Criteria.where("status").is(DemandStatus.PUBLISHED)
                .and("content.deadline").lt(today)), DemandDocument.class);
    }

    private Mono<Page> page(List<Criteria> all, PageRequest page) {
        Query query = all.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(all));
        Query paged = Query.of(query).with(Sort.by(Sort.Direction.DESC, "updatedAt").and(Sort.by("_id")))
                .skip(page.offset()).limit(page.size());
        return Mono.zip(mongo.find(paged, DemandDocument.class).collectList(),
                mongo.count(query, DemandDocument.class)).map(result -> new Page(result.getT1(), result.getT2()));
    }
}
