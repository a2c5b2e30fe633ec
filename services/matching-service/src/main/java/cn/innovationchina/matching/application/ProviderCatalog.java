package cn.innovationchina.matching.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.innovationchina.matching.domain.Candidate;
import cn.innovationchina.matching.domain.Demand;
import cn.innovationchina.matching.domain.Provider;
import cn.innovationchina.matching.domain.TrackRecord;
import cn.innovationchina.matching.persistence.ProviderIndex;
import cn.innovationchina.matching.persistence.ReadModels;
import cn.innovationchina.reference.FieldTaxonomy;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The providers a ranking can draw from: the Lucene index plus the profiles in memory, both rebuilt from the read
 * model before the consumers start (ADR 0014) and updated by every provider event.
 */
@Component
public class ProviderCatalog implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ProviderCatalog.class);

    private final Map<String, Provider> providers = new ConcurrentHashMap<>();
    private final ProviderIndex index;
    private final ReadModels readModels;
    private final FieldTaxonomy fields;
    private final int candidatePool;

    ProviderCatalog(ProviderIndex index, ReadModels readModels, FieldTaxonomy fields,
            @Value("${matching.candidate-pool:200}") int candidatePool) {
        this.index = index;
        this.readModels = readModels;
        this.fields = fields;
        this.candidatePool = candidatePool;
    }

    @Override
    public void afterPropertiesSet() {
        long started = System.nanoTime();
        List<Provider> all = readModels.providers().collectList().block(Duration.ofMinutes(5));
        put(all);
        log.info("Provider index rebuilt from the read model: {} providers in {} ms", index.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Takes the providers newer than those held. Synchronized because two consumers (the service's group and this
     * instance's own) may bring the same provider at once: the index must end with the newest.
     */
    public synchronized void put(List<Provider> changed) {
        List<Provider> newer = changed.stream().filter(provider -> {
            Provider held = providers.get(provider.id());
            return held == null || held.version() < provider.version();
        }).toList();
        newer.forEach(provider -> providers.put(provider.id(), provider));
        index.put(newer);
    }

    /**
     * As {@link #put}, for one provider, on the parallel scheduler: analysing a profile is CPU work like a search, and
     * during an import it held up the database replies of the thread that brought the provider.
     */
    public Mono<Provider> take(Provider provider) {
        return onIndex(() -> {
            put(List.of(provider));
            return provider;
        });
    }

    public Optional<Provider> provider(String id) {
        return Optional.ofNullable(providers.get(id));
    }

    /**
     * The index's best candidates for the demand, each with its track record. The search is CPU work, so it runs on
     * the parallel scheduler, never on the thread of the database reply that led here.
     */
    public Mono<List<Candidate>> candidates(Demand demand) {
        return onIndex(() -> search(demand)).flatMap(this::withTrackRecords);
    }

    /**
     * The demand's candidates if the provider is one of them, else nothing: reverse matching asks this of every open
     * demand, and most of them never reach the track records and the ranking.
     */
    public Mono<List<Candidate>> candidatesIncluding(Demand demand, String providerId) {
        return onIndex(() -> index.ranks(providerId, demand.searchTexts(fields), demand.content().fieldCodes(),
                demand.content().cooperationModes(), candidatePool) ? search(demand) : null)
                .flatMap(this::withTrackRecords);
    }

    private static <T> Mono<T> onIndex(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.parallel());
    }

    private List<ProviderIndex.TextHit> search(Demand demand) {
        return index.search(demand.searchTexts(fields), demand.content().fieldCodes(),
                demand.content().cooperationModes(), candidatePool);
    }

    private Mono<List<Candidate>> withTrackRecords(List<ProviderIndex.TextHit> hits) {
        var ids = hits.stream().map(ProviderIndex.TextHit::providerId).toList();
        return readModels.trackRecords(ids).collectMap(TrackRecord::id, Function.identity()).map(records -> {
            List<Candidate> candidates = new ArrayList<>(hits.size());
            for (var hit : hits) {
                var provider = providers.get(hit.providerId());
                if (provider != null) {
                    candidates.add(new Candidate(provider,
                            records.getOrDefault(hit.providerId(), TrackRecord.none(hit.providerId())),
                            hit.relevance(), hit.matchedTerms()));
                }
            }
            return candidates;
        });
    }
}
