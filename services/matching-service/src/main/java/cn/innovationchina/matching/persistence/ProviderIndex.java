package cn.innovationchina.matching.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.matching.domain.Provider;
import cn.innovationchina.matching.domain.SearchTexts;
import cn.innovationchina.matching.persistence.DemandQuery.Searched;
import cn.innovationchina.reference.FieldTaxonomy;

/**
 * The Lucene 9 index of providers, in memory: rebuilt from the read model at start-up and updated by each
 * provider event, visible to the next search at once (ADR 0014). It finds candidates and tells how much of the
 * demand each one's profile covers, in either language (ADR 0035): a profile's words are indexed in Chinese and in
 * English, and beside them their translations ({@link ProfileFields}); a demand's words become weighted terms
 * ({@link DemandTerms}), the informative ones a query ({@link DemandQuery}), and each hit says which of them it
 * contains ({@link MatchedTerms}).
 *
 * <p>A profile's relevance is the weight it earns over the weight of all the demand's terms searched: the share of
 * the demand it covers, so one incidental word earns little.
 *
 * <p>Each update adds a small segment, and a search pays per segment: a term's frequency and its postings are looked
 * up in every segment's dictionary. Once no update has come for {@value #QUIET_MILLIS} ms, the index is merged into
 * one segment (ADR 0053), which halves a search at 2,000 providers; a merge is not repeated before {@value
 * #MERGE_COST_FACTOR} times its own duration has passed, so merging never takes more than a small share of a core
 * however the updates trickle in.
 */
public final class ProviderIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProviderIndex.class);
    static final long QUIET_MILLIS = 2_000;
    static final long MERGE_COST_FACTOR = 20;

    /**
     * A provider the text or the fields found: the share of the demand's weighted terms its profile covers (0 when
     * only a field brought it), and the demand's words it matched, a translated one as "回收 ~ recycling".
     */
    public record TextHit(String providerId, float relevance, List<String> matchedTerms) {
    }

    /** Profiles recently put, by provider: reverse matching reads the words of the provider an event just put. */
    private static final int RECENT_WORDS = 256;

    private final ProfileFields profiles;
    private final TextAnalysis analysis;
    private final RecentlyUsed<String, ProfileFields.ProfileWords> recentWords = new RecentlyUsed<>(RECENT_WORDS);
    private final DemandTerms demandTerms;
    private final DemandQuery demandQuery;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ScheduledExecutorService merges = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "provider-index-merge");
        thread.setDaemon(true);
        return thread;
    });
    /** Puts that returned, and how many of them the searchers' reader holds: a search behind opens a new reader. */
    private final AtomicLong puts = new AtomicLong();
    private final Object refreshing = new Object();
    private volatile long refreshedThrough;
    private @Nullable ScheduledFuture<?> nextMerge;
    private long mergeAllowedAt;

    public ProviderIndex(FieldTaxonomy taxonomy) {
        var bridge = Bridge.of(taxonomy);
        this.profiles = new ProfileFields(taxonomy, bridge);
        this.analysis = bridge.analysis();
        this.demandTerms = new DemandTerms(bridge);
        this.demandQuery = new DemandQuery(taxonomy);
        var config = new IndexWriterConfig(ProfileFields.analyzer()).setRAMBufferSizeMB(64);
        try {
            writer = new IndexWriter(InMemoryFiles.directory(), config);
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds or replaces providers; visible to every search that starts after this returns. The next search opens the
     * new reader, not this: an import of thousands of providers, with no search in between, so writes them into a few
     * segments rather than one per provider (ADR 0055).
     */
    public void put(Collection<Provider> providers) {
        try {
            for (Provider provider : providers) {
                var words = profiles.words(provider);
                recentWords.put(provider.id(), words);
                writer.updateDocument(new Term(ProfileFields.ID, provider.id()), profiles.document(provider, words));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        puts.incrementAndGet();
        mergeWhenQuiet();
    }

    /** The provider's words as this index holds them (or would): analysed again only if not put recently. */
    ProfileFields.ProfileWords wordsOf(Provider provider) {
        var recent = recentWords.get(provider.id());
        return recent != null && recent.version() == provider.version() ? recent : profiles.words(provider);
    }

    /** How the index analyses text: a demand's words for the {@link OpenDemandIndex} are read the same way. */
    TextAnalysis analysis() {
        return analysis;
    }

    /**
     * A searcher that sees every put that returned before this call; release it to {@link #searchers}. A search
     * that finds a refresh under way for its puts waits for it rather than reading the reader before it.
     */
    private IndexSearcher current() throws IOException {
        long returned = puts.get();
        if (refreshedThrough < returned) {
            synchronized (refreshing) {
                if (refreshedThrough < returned) {
                    long through = puts.get();
                    searchers.maybeRefreshBlocking();
                    refreshedThrough = through;
                }
            }
        }
        return searchers.acquire();
    }

    /** How many segments a search reads now. */
    int segments() {
        try {
            IndexSearcher searcher = current();
            try {
                return searcher.getIndexReader().leaves().size();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void mergeWhenQuiet() {
        if (nextMerge != null) {
            nextMerge.cancel(false);
        }
        long delay = Math.max(QUIET_MILLIS, mergeAllowedAt - System.currentTimeMillis());
        nextMerge = merges.schedule(this::mergeIntoOneSegment, delay, TimeUnit.MILLISECONDS);
    }

    private void mergeIntoOneSegment() {
        long start = System.currentTimeMillis();
        try {
            writer.forceMerge(1);
            searchers.maybeRefreshBlocking();
        } catch (IOException | AlreadyClosedException e) {
            log.warn("The provider index stays in several segments: {}", e.toString());
        }
        long end = System.currentTimeMillis();
        synchronized (this) {
            mergeAllowedAt = end + MERGE_COST_FACTOR * (end - start);
        }
    }

    public int size() {
        return writer.getDocStats().numDocs;
    }

    /**
     * The {@code limit} best open providers (active and available) offering one of the cooperation modes (any, if
     * none is given) for a demand's texts, plus those sharing one of its fields or field areas even without a shared
     * word (with relevance 0).
     */
    public List<TextHit> search(SearchTexts texts, List<String> fieldCodes, List<CooperationMode> modes, int limit) {
        try {
            IndexSearcher searcher = current();
            try {
                List<Searched> terms = DemandQuery.informative(searcher, demandTerms.of(texts));
                // Counting hits only up to the limit lets Lucene skip blocks that cannot enter the top.
                ScoreDoc[] docs = searcher.search(demandQuery.query(terms, fieldCodes, modes).build(),
                        new TopScoreDocCollectorManager(limit, limit)).scoreDocs;
                return hits(searcher, docs, terms);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether {@link #search} with this limit would return the provider, without collecting what it returns: his
     * document's score from the same query on it alone, then a count of the documents that score more (or the same
     * with a smaller number), which skips every block scoring less and stops at the limit ({@link ProvidersAhead},
     * ADR 0085). Reverse matching asks this of each open demand the provider's profile finds (ADR 0062), and many of
     * them are not for the provider.
     */
    public boolean ranks(String providerId, SearchTexts texts, List<String> fieldCodes, List<CooperationMode> modes,
            int limit) {
        try {
            IndexSearcher searcher = current();
            try {
                List<Searched> terms = DemandQuery.informative(searcher, demandTerms.of(texts));
                var own = new TermQuery(new Term(ProfileFields.ID, providerId));
                ScoreDoc[] mine = searcher.search(demandQuery.query(terms, fieldCodes, modes).add(own, Occur.FILTER)
                        .build(), 1).scoreDocs;
                if (mine.length == 0) {
                    return false;
                }
                var ahead = new ProvidersAhead(mine[0], limit);
                searcher.search(demandQuery.query(terms, fieldCodes, modes).build(), ahead);
                return ahead.withinLimit();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<TextHit> hits(IndexSearcher searcher, ScoreDoc[] docs, List<Searched> terms)
            throws IOException {
        double whole = terms.stream().mapToDouble(Searched::weight).sum();
        Map<Integer, List<String>> matched = MatchedTerms.of(searcher, docs, terms);
        Map<Integer, String> ids = IndexedIds.of(searcher, docs);
        List<TextHit> hits = new ArrayList<>(docs.length);
        for (ScoreDoc doc : docs) {
            float relevance = whole <= 0 ? 0 : (float) Math.min(1.0, doc.score / whole);
            hits.add(new TextHit(ids.get(doc.doc), relevance, matched.getOrDefault(doc.doc, List.of())));
        }
        return hits;
    }

    @Override
    public void close() {
        merges.shutdownNow();
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
