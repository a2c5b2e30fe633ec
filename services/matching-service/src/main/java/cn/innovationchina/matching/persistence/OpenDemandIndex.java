package cn.innovationchina.matching.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.matching.domain.Demand;
import cn.innovationchina.matching.domain.Provider;
import cn.innovationchina.matching.domain.SearchTexts;
import cn.innovationchina.reference.FieldTaxonomy;

/**
 * The open demands in a Lucene index of their words, in memory, for reverse matching (ADR 0062): a provider's
 * profile, with its translations, is the query, and only the demands it finds, best first, are ranked again. A
 * demand is found when it shares a word with the profile (the word itself, or a translation the profile holds) or a
 * field or field area, and offers a cooperation mode the provider offers: the evidence a ranking needs before it
 * may propose the provider at all, so what it leaves out the provider could not enter the top of.
 *
 * <p>Each demand version is taken once, whichever consumer brings it first; a demand that ended is dropped and not
 * taken back by an older event read again.
 */
public final class OpenDemandIndex implements AutoCloseable {

    static final String ID = ProfileFields.ID;
    static final String CHINESE = "zh";
    static final String ENGLISH = "en";
    static final String FIELD = "field";
    static final String AREA = "area";
    static final String MODE = "mode";
    /** The mode of a demand that names none: every provider may serve it. */
    static final String ANY_MODE = "any";
    /** Below Lucene's 1,024 clauses; a profile's rarest words in the demands come first. */
    private static final int MAX_QUERY_WORDS = 512;

    private final FieldTaxonomy taxonomy;
    private final ProviderIndex providers;
    private final TextAnalysis analysis;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** The newest version taken of each demand, open or ended, and when it was taken. */
    private final Map<String, Taken> versions = new ConcurrentHashMap<>();

    private record Taken(long version, long atNanos) {
    }

    public OpenDemandIndex(FieldTaxonomy taxonomy, ProviderIndex providers) {
        this.taxonomy = taxonomy;
        this.providers = providers;
        this.analysis = providers.analysis();
        var words = new WhitespaceAnalyzer();
        var config = new IndexWriterConfig(new PerFieldAnalyzerWrapper(new KeywordAnalyzer(),
                Map.of(CHINESE, words, ENGLISH, words)));
        try {
            writer = new IndexWriter(InMemoryFiles.directory(), config);
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Takes the demands newer than those held: an open one is indexed (or replaced), an ended one dropped. A demand's
     * words are read outside the lock, so a rebuild of thousands does not hold back the demand an event brings.
     */
    public void put(Collection<Demand> demands) {
        for (Demand demand : demands) {
            if (newer(demand.id(), demand.version())) {
                Document document = demand.open() ? document(demand) : null;
                take(demand.id(), demand.version(), document);
            }
        }
    }

    /** The demand ended at this version: dropped, unless a newer version is already held. */
    public void end(String demandId, long version) {
        take(demandId, version, null);
    }

    private boolean newer(String demandId, long version) {
        Taken held = versions.get(demandId);
        return held == null || held.version() < version;
    }

    /** Whether this version of the demand was taken no longer than {@code age} ago. */
    public boolean takenWithin(String demandId, long version, Duration age) {
        Taken held = versions.get(demandId);
        return held != null && held.version() == version && System.nanoTime() - held.atNanos() <= age.toNanos();
    }

    /** Indexes the document, or drops the demand if there is none, if this version is newer than the one held. */
    private synchronized void take(String demandId, long version, @Nullable Document document) {
        if (!newer(demandId, version)) {
            return;
        }
        versions.put(demandId, new Taken(version, System.nanoTime()));
        try {
            if (document != null) {
                writer.updateDocument(new Term(ID, demandId), document);
            } else {
                writer.deleteDocuments(new Term(ID, demandId));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return writer.getDocStats().numDocs;
    }

    /**
     * The ids of at most {@code limit} open demands the provider has evidence for, best first: those sharing the
     * rarest words with the profile first, then those sharing only a field or field area.
     */
    public List<String> fitting(Provider provider, int limit) {
        try {
            searchers.maybeRefreshBlocking();
            IndexSearcher searcher = searchers.acquire();
            try {
                if (searcher.getIndexReader().numDocs() == 0) {
                    // No demand is open (providers imported before any): the profile's words are not read at all.
                    return List.of();
                }
                var words = providers.wordsOf(provider);
                var text = new BooleanQuery.Builder();
                for (Term word : informative(searcher.getIndexReader(), words)) {
                    text.add(new TermQuery(word), Occur.SHOULD);
                }
                var fields = new BooleanQuery.Builder();
                for (String code : provider.profile().fieldCodes()) {
                    fields.add(new TermQuery(new Term(FIELD, code)), Occur.SHOULD);
                    taxonomy.areaOf(code)
                            .ifPresent(area -> fields.add(new TermQuery(new Term(AREA, area)), Occur.SHOULD));
                }
                var modes = new BooleanQuery.Builder().add(new TermQuery(new Term(MODE, ANY_MODE)), Occur.SHOULD);
                provider.profile().services()
                        .forEach(mode -> modes.add(new TermQuery(new Term(MODE, mode.name())), Occur.SHOULD));
                var textOrField = new BooleanQuery.Builder()
                        .add(text.build(), Occur.SHOULD)
                        .add(new BoostQuery(new ConstantScoreQuery(fields.build()), 0f), Occur.SHOULD)
                        .build();
                var query = new BooleanQuery.Builder().add(textOrField, Occur.MUST).add(modes.build(), Occur.FILTER)
                        .build();
                ScoreDoc[] found = searcher.search(query, limit).scoreDocs;
                Map<Integer, String> ids = IndexedIds.of(searcher, found);
                return Arrays.stream(found).map(doc -> ids.get(doc.doc)).filter(Objects::nonNull).toList();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The profile's words some open demand has, the rarest first: a demand shares a word with the profile if it wrote
     * the profile's word or one of the profile's translations.
     */
    private static List<Term> informative(IndexReader reader, ProfileFields.ProfileWords words) throws IOException {
        Set<Term> terms = new LinkedHashSet<>();
        words.chinese().forEach(word -> terms.add(new Term(CHINESE, word)));
        words.bridgedChinese().forEach(word -> terms.add(new Term(CHINESE, word)));
        words.english().forEach(word -> terms.add(new Term(ENGLISH, word)));
        words.bridgedEnglish().forEach(word -> terms.add(new Term(ENGLISH, word)));
        record Counted(Term term, int demands) {
        }
        List<Counted> counted = new ArrayList<>();
        for (Term term : terms) {
            int frequency = reader.docFreq(term);
            if (frequency > 0) {
                counted.add(new Counted(term, frequency));
            }
        }
        return counted.stream().sorted(Comparator.comparingInt(Counted::demands)).limit(MAX_QUERY_WORDS)
                .map(Counted::term).toList();
    }

    private Document document(Demand demand) {
        SearchTexts texts = demand.searchTexts(taxonomy);
        Set<String> chinese = new LinkedHashSet<>();
        Set<String> english = new LinkedHashSet<>();
        List<String> written = new ArrayList<>(texts.own());
        written.addAll(texts.fieldVocabulary());
        for (String text : written) {
            var evidence = analysis.ofDemandText(text);
            chinese.addAll(evidence.chinese());
            evidence.english().forEach(word -> english.add(word.stem()));
        }
        var doc = new Document();
        doc.add(new StringField(ID, demand.id(), Field.Store.NO));
        doc.add(new BinaryDocValuesField(ID, new BytesRef(demand.id())));
        doc.add(new Field(CHINESE, String.join(" ", chinese), ProfileFields.WORDS));
        doc.add(new Field(ENGLISH, String.join(" ", english), ProfileFields.WORDS));
        for (String code : demand.content().fieldCodes()) {
            doc.add(new StringField(FIELD, code, Field.Store.NO));
            taxonomy.areaOf(code).ifPresent(area -> doc.add(new StringField(AREA, area, Field.Store.NO)));
        }
        List<CooperationMode> modes = demand.content().cooperationModes();
        if (modes.isEmpty()) {
            doc.add(new StringField(MODE, ANY_MODE, Field.Store.NO));
        }
        modes.forEach(mode -> doc.add(new StringField(MODE, mode.name(), Field.Store.NO)));
        return doc;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
