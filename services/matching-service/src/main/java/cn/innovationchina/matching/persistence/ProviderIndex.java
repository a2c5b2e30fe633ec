package cn.innovationchina.matching.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

import cn.innovationchina.events.Achievement;
import cn.innovationchina.events.Availability;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.matching.domain.Provider;
import cn.innovationchina.reference.FieldTaxonomy;

/**
 * The Lucene 9 index of providers, in memory: rebuilt from the read model at start-up and updated by each
 * provider event, visible to the next search at once (ADR 0014). It finds candidates (BM25 over skills, keywords,
 * summary and achievements, in Chinese and English) and the demand words each matched; the ranking decides.
 * Field codes, field areas, kinds, cities and cooperation modes are keyword fields a search can be narrowed by.
 */
public final class ProviderIndex implements AutoCloseable {

    private static final String ID = "id";
    private static final String FIELD = "field";
    private static final String AREA = "area";
    private static final String KIND = "kind";
    private static final String CITY = "city";
    private static final String MODE = "mode";
    private static final String OPEN = "open";
    private static final int MAX_QUERY_TERMS = 16;
    /** Demands whose analysed texts are kept: more than the open demands of the pilot cities today. */
    private static final int ANALYSED_DEMANDS = 4096;

    /** A provider the text found: its BM25 relevance and the demand's words it contains. */
    public record TextHit(String providerId, float relevance, List<String> matchedTerms) {
    }

    private final FieldTaxonomy taxonomy;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /**
     * Analysing a bilingual demand costs far more than searching with it, and reverse matching puts every open
     * demand's query to each new provider: the terms are kept by the texts, the least recently used dropped first.
     */
    private final Map<List<String>, Map<Term, String>> analysed = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<String>, Map<Term, String>> eldest) {
                    return size() > ANALYSED_DEMANDS;
                }
            });

    public ProviderIndex(FieldTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
        Map<String, Analyzer> analyzers = Map.of(TextAnalysis.ENGLISH, TextAnalysis.ENGLISH_STEMMED,
                TextAnalysis.CHINESE, TextAnalysis.CHINESE_WORDS);
        var config = new IndexWriterConfig(new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), analyzers))
                .setSimilarity(new BM25Similarity()).setRAMBufferSizeMB(64);
        try {
            writer = new IndexWriter(new ByteBuffersDirectory(), config);
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds or replaces providers; visible to searches when this returns. */
    public void put(Collection<Provider> providers) {
        try {
            for (Provider provider : providers) {
                writer.updateDocument(new Term(ID, provider.id()), document(provider));
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
    public List<TextHit> search(List<String> texts, List<String> fieldCodes, List<CooperationMode> modes,
            int limit) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Map<Term, String> surfaces = informative(searcher, analysed(texts));
                // Counting hits only up to the limit lets Lucene skip blocks that cannot enter the top.
                ScoreDoc[] docs = searcher.search(query(surfaces, fieldCodes, modes).build(),
                        new TopScoreDocCollectorManager(limit, limit)).scoreDocs;
                return hits(searcher, docs, surfaces);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether {@link #search} with this limit would return the provider, without reading what it returns: first the
     * same query on that one document, then, if it matches, the top documents' numbers only. Reverse matching asks
     * this of every open demand, and most demands are not for the provider.
     */
    public boolean ranks(String providerId, List<String> texts, List<String> fieldCodes, List<CooperationMode> modes,
            int limit) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Map<Term, String> surfaces = informative(searcher, analysed(texts));
                var own = new TermQuery(new Term(ID, providerId));
                if (searcher.count(query(surfaces, fieldCodes, modes).add(own, Occur.FILTER).build()) == 0) {
                    return false;
                }
                ScoreDoc[] top = searcher.search(query(surfaces, fieldCodes, modes).build(),
                        new TopScoreDocCollectorManager(limit, limit)).scoreDocs;
                ScoreDoc[] mine = searcher.search(own, 1).scoreDocs;
                return mine.length == 1 && Arrays.stream(top).anyMatch(doc -> doc.doc == mine[0].doc);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BooleanQuery.Builder query(Map<Term, String> surfaces, List<String> fieldCodes,
            List<CooperationMode> modes) {
        var text = new BooleanQuery.Builder();
        surfaces.keySet().forEach(term -> text.add(new TermQuery(term), Occur.SHOULD));
        var fields = new BooleanQuery.Builder();
        for (String code : fieldCodes) {
            fields.add(new TermQuery(new Term(FIELD, code)), Occur.SHOULD);
            taxonomy.areaOf(code)
                    .ifPresent(area -> fields.add(new TermQuery(new Term(AREA, area)), Occur.SHOULD));
        }
        // Field clauses widen recall but add nothing to the score: relevance stays pure BM25 text.
        var textOrField = new BooleanQuery.Builder()
                .add(text.build(), Occur.SHOULD)
                .add(new BoostQuery(new ConstantScoreQuery(fields.build()), 0f), Occur.SHOULD)
                .build();
        var query = new BooleanQuery.Builder()
                .add(textOrField, Occur.MUST)
                .add(new TermQuery(new Term(OPEN, "yes")), Occur.FILTER);
        if (!modes.isEmpty()) {
            var anyMode = new BooleanQuery.Builder();
            modes.forEach(mode -> anyMode.add(new TermQuery(new Term(MODE, mode.name())), Occur.SHOULD));
            query.add(anyMode.build(), Occur.FILTER);
        }
        return query;
    }

    /**
     * The demand's terms that some provider uses, the rarest first, at most {@code MAX_QUERY_TERMS}: a long
     * bilingual demand yields a hundred terms, and the frequent ones cost the most postings to read while their
     * BM25 weight is the smallest (Lucene's MoreLikeThis keeps the most informative terms the same way).
     */
    private static Map<Term, String> informative(IndexSearcher searcher, Map<Term, String> terms) throws IOException {
        if (terms.size() <= MAX_QUERY_TERMS) {
            return terms;
        }
        var reader = searcher.getIndexReader();
        Map<Term, Integer> frequency = new HashMap<>();
        for (Term term : terms.keySet()) {
            frequency.put(term, reader.docFreq(term));
        }
        Map<Term, String> kept = new LinkedHashMap<>();
        terms.keySet().stream().filter(term -> frequency.get(term) > 0)
                .sorted(Comparator.comparingInt(frequency::get)).limit(MAX_QUERY_TERMS)
                .forEach(term -> kept.put(term, terms.get(term)));
        return kept;
    }

    private List<TextHit> hits(IndexSearcher searcher, ScoreDoc[] docs, Map<Term, String> surfaces)
            throws IOException {
        Map<Integer, Set<String>> matched = matchedTerms(searcher, docs, surfaces);
        List<TextHit> hits = new ArrayList<>(docs.length);
        var storedFields = searcher.storedFields();
        for (ScoreDoc doc : docs) {
            String id = storedFields.document(doc.doc, Set.of(ID)).get(ID);
            hits.add(new TextHit(id, doc.score, List.copyOf(matched.getOrDefault(doc.doc, Set.of()))));
        }
        return hits;
    }

    /** Which query terms each hit contains, read from the postings of those terms only. */
    private static Map<Integer, Set<String>> matchedTerms(IndexSearcher searcher, ScoreDoc[] docs,
            Map<Term, String> surfaces) throws IOException {
        int[] sorted = Arrays.stream(docs).mapToInt(d -> d.doc).sorted().toArray();
        Map<Integer, Set<String>> matched = new HashMap<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            int end = leaf.docBase + leaf.reader().maxDoc();
            for (var entry : surfaces.entrySet()) {
                Terms terms = leaf.reader().terms(entry.getKey().field());
                if (terms == null) {
                    continue;
                }
                TermsEnum termsEnum = terms.iterator();
                if (!termsEnum.seekExact(entry.getKey().bytes())) {
                    continue;
                }
                PostingsEnum postings = termsEnum.postings(null, PostingsEnum.NONE);
                for (int doc : sorted) {
                    if (doc < leaf.docBase || doc >= end) {
                        continue;
                    }
                    int local = doc - leaf.docBase;
                    if (postings.docID() < local) {
                        postings.advance(local);
                    }
                    if (postings.docID() == local) {
                        matched.computeIfAbsent(doc, d -> new LinkedHashSet<>()).add(entry.getValue());
                    }
                }
            }
        }
        return matched;
    }

    /** Each analysed query term, with the word of the demand it came from. */
    private Map<Term, String> analysed(List<String> texts) {
        Map<Term, String> terms = analysed.get(texts);
        if (terms == null) {
            // Analysed outside the lock: two threads may both analyse a new demand, with the same result.
            terms = Collections.unmodifiableMap(queryTerms(texts));
            analysed.put(List.copyOf(texts), terms);
        }
        return terms;
    }

    private static Map<Term, String> queryTerms(List<String> texts) {
        Map<Term, String> terms = new LinkedHashMap<>();
        for (String text : texts) {
            for (String word : TextAnalysis.tokens(TextAnalysis.ENGLISH_SURFACE, text)) {
                for (String stem : TextAnalysis.tokens(TextAnalysis.ENGLISH_STEMMED, word)) {
                    terms.putIfAbsent(new Term(TextAnalysis.ENGLISH, new BytesRef(stem)), word);
                }
            }
            for (String word : TextAnalysis.tokens(TextAnalysis.CHINESE_WORDS, text)) {
                terms.putIfAbsent(new Term(TextAnalysis.CHINESE, new BytesRef(word)), word);
            }
        }
        return terms;
    }

    private Document document(Provider provider) {
        var profile = provider.profile();
        var doc = new Document();
        doc.add(new StringField(ID, provider.id(), Field.Store.YES));
        List<String> texts = new ArrayList<>();
        if (profile.title() != null) {
            texts.add(profile.title());
        }
        texts.addAll(profile.skills());
        texts.addAll(profile.keywords());
        texts.add(profile.summary());
        profile.achievements().stream().map(Achievement::title).forEach(texts::add);
        String text = String.join("\n", texts);
        doc.add(new TextField(TextAnalysis.ENGLISH, text, Field.Store.NO));
        doc.add(new TextField(TextAnalysis.CHINESE, text, Field.Store.NO));
        for (String code : profile.fieldCodes()) {
            doc.add(new StringField(FIELD, code, Field.Store.NO));
            taxonomy.areaOf(code)
                    .ifPresent(area -> doc.add(new StringField(AREA, area, Field.Store.NO)));
        }
        doc.add(new StringField(KIND, profile.kind().name(), Field.Store.NO));
        if (profile.cityCode() != null) {
            doc.add(new StringField(CITY, profile.cityCode(), Field.Store.NO));
        }
        profile.services().forEach(mode -> doc.add(new StringField(MODE, mode.name(), Field.Store.NO)));
        boolean open = provider.active() && profile.availability() == Availability.AVAILABLE;
        doc.add(new StringField(OPEN, open ? "yes" : "no", Field.Store.NO));
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
