package cn.innovationchina.matching.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
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
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

import cn.innovationchina.events.Achievement;
import cn.innovationchina.events.Availability;
import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.matching.domain.Provider;
import cn.innovationchina.matching.domain.SearchTexts;
import cn.innovationchina.reference.FieldTaxonomy;

/**
 * The Lucene 9 index of providers, in memory: rebuilt from the read model at start-up and updated by each
 * provider event, visible to the next search at once (ADR 0014). It finds candidates and tells how much of the
 * demand each one's profile covers, in either language (ADR 0035): a profile's words are indexed in Chinese and in
 * English, and beside them the words the bilingual {@link Bridge} translates them to. Field codes, field areas,
 * kinds, cities and cooperation modes are keyword fields a search can be narrowed by.
 *
 * <p>A demand's term weighs its rarity among the profiles (BM25's idf), halved when it comes from the field's
 * vocabulary rather than the demand's own words; a profile earns a term's full weight for the word itself and
 * {@value #BRIDGED} of it for a translation. A profile's relevance is the weight it earns over the weight of all the
 * demand's terms searched: the share of the demand it covers, so one incidental word earns little.
 */
public final class ProviderIndex implements AutoCloseable {

    private static final String ID = "id";
    private static final String FIELD = "field";
    private static final String AREA = "area";
    private static final String KIND = "kind";
    private static final String CITY = "city";
    private static final String MODE = "mode";
    private static final String OPEN = "open";
    private static final String CHINESE = "text_zh";
    private static final String ENGLISH = "text_en";
    private static final String BRIDGED_CHINESE = "bridge_zh";
    private static final String BRIDGED_ENGLISH = "bridge_en";
    static final int MAX_QUERY_TERMS = 20;
    /** A translation is weaker evidence than the word itself: a dictionary gloss may be another sense. */
    static final double BRIDGED = 0.8;
    /** The field's vocabulary says what the field is about, not what this demand needs. */
    static final double FIELD_VOCABULARY = 0.5;
    /** A term in more than this share of the profiles is no evidence of a speciality... */
    private static final double COMMON_SHARE = 0.5;
    /** ...once there are enough profiles for a share to mean something. */
    private static final int PROFILES_FOR_A_SHARE = 50;
    /** Demands whose analysed texts are kept: more than the open demands of the pilot cities today. */
    private static final int ANALYSED_DEMANDS = 4096;
    private static final FieldType WORDS = wordsField();

    /**
     * A provider the text or the fields found: the share of the demand's weighted terms its profile covers (0 when
     * only a field brought it), and the demand's words it matched, a translated one as "回收 ~ recycling".
     */
    public record TextHit(String providerId, float relevance, List<String> matchedTerms) {
    }

    /**
     * One analysed word of a demand: its language, its index term, how the demand wrote it, the weight of its source,
     * and its translations, one of which an explanation shows when a profile has only that ("回收 ~ recycle").
     */
    private record DemandTerm(boolean chinese, String term, String surface, double weight,
            List<Bridge.Gloss> translations) {

        String field() {
            return chinese ? CHINESE : ENGLISH;
        }

        /** Where a profile that has only this word's translation holds it. */
        String otherLanguageField() {
            return chinese ? ENGLISH : CHINESE;
        }

        String bridgedField() {
            return chinese ? BRIDGED_CHINESE : BRIDGED_ENGLISH;
        }
    }

    /** A term kept for a search, with its weight there and whether any profile has the word or a translation. */
    private record Searched(DemandTerm term, float weight, boolean written, boolean translated) {
    }

    private final FieldTaxonomy taxonomy;
    private final Bridge bridge;
    private final TextAnalysis analysis;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /**
     * Analysing a bilingual demand costs far more than searching with it, and reverse matching puts every open
     * demand's query to each new provider: the terms are kept by the texts, the least recently used dropped first.
     */
    private final Map<SearchTexts, List<DemandTerm>> analysed = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<SearchTexts, List<DemandTerm>> eldest) {
                    return size() > ANALYSED_DEMANDS;
                }
            });

    public ProviderIndex(FieldTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.bridge = Bridge.of(taxonomy);
        this.analysis = bridge.analysis();
        // Text fields arrive analysed (TextAnalysis, Bridge): the index only splits them at spaces.
        Analyzer words = new WhitespaceAnalyzer();
        Map<String, Analyzer> analyzers = Map.of(CHINESE, words, ENGLISH, words, BRIDGED_CHINESE, words,
                BRIDGED_ENGLISH, words);
        var config = new IndexWriterConfig(new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), analyzers))
                .setRAMBufferSizeMB(64);
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
    public List<TextHit> search(SearchTexts texts, List<String> fieldCodes, List<CooperationMode> modes, int limit) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<Searched> terms = informative(searcher, analysed(texts));
                // Counting hits only up to the limit lets Lucene skip blocks that cannot enter the top.
                ScoreDoc[] docs = searcher.search(query(terms, fieldCodes, modes).build(),
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
     * Whether {@link #search} with this limit would return the provider, without reading what it returns: first the
     * same query on that one document, then, if it matches, the top documents' numbers only. Reverse matching asks
     * this of every open demand, and most demands are not for the provider.
     */
    public boolean ranks(String providerId, SearchTexts texts, List<String> fieldCodes, List<CooperationMode> modes,
            int limit) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<Searched> terms = informative(searcher, analysed(texts));
                var own = new TermQuery(new Term(ID, providerId));
                if (searcher.count(query(terms, fieldCodes, modes).add(own, Occur.FILTER).build()) == 0) {
                    return false;
                }
                ScoreDoc[] top = searcher.search(query(terms, fieldCodes, modes).build(),
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

    /**
     * Each term scores its weight if the profile has the word, {@value #BRIDGED} of it if the profile has only a
     * translation: the score is the covered weight, and ties between equally covering profiles stay ties.
     */
    private BooleanQuery.Builder query(List<Searched> terms, List<String> fieldCodes, List<CooperationMode> modes) {
        var text = new BooleanQuery.Builder();
        for (Searched searched : terms) {
            var term = searched.term();
            List<Query> either = new ArrayList<>(2);
            if (searched.written()) {
                either.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(term.field(), term.term()))),
                        searched.weight()));
            }
            if (searched.translated()) {
                either.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(term.bridgedField(),
                        term.term()))), (float) (searched.weight() * BRIDGED)));
            }
            text.add(either.size() == 1 ? either.get(0) : new DisjunctionMaxQuery(either, 0f), Occur.SHOULD);
        }
        var fields = new BooleanQuery.Builder();
        for (String code : fieldCodes) {
            fields.add(new TermQuery(new Term(FIELD, code)), Occur.SHOULD);
            taxonomy.areaOf(code)
                    .ifPresent(area -> fields.add(new TermQuery(new Term(AREA, area)), Occur.SHOULD));
        }
        // Field clauses widen recall but add nothing to the score: the ranking weighs the fields itself.
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
     * The demand's terms that some profile has (as the word or a translation) and most do not, weighed by rarity
     * and source, the heaviest {@code MAX_QUERY_TERMS}: a long bilingual demand yields a hundred terms, and the
     * frequent ones cost the most postings to read while weighing the least (Lucene's MoreLikeThis keeps the most
     * informative terms the same way).
     */
    private static List<Searched> informative(IndexSearcher searcher, List<DemandTerm> terms) throws IOException {
        var reader = searcher.getIndexReader();
        int profiles = reader.numDocs();
        List<Searched> weighed = new ArrayList<>();
        for (DemandTerm term : terms) {
            int written = reader.docFreq(new Term(term.field(), term.term()));
            int translated = reader.docFreq(new Term(term.bridgedField(), term.term()));
            int frequency = written + translated;
            if (frequency == 0 || profiles >= PROFILES_FOR_A_SHARE && frequency > COMMON_SHARE * profiles) {
                continue;
            }
            int documents = Math.min(frequency, profiles);
            double idf = Math.log(1 + (profiles - documents + 0.5) / (documents + 0.5));
            weighed.add(new Searched(term, (float) (idf * term.weight()), written > 0, translated > 0));
        }
        weighed.sort(Comparator.comparingDouble(Searched::weight).reversed());
        return weighed.size() > MAX_QUERY_TERMS ? List.copyOf(weighed.subList(0, MAX_QUERY_TERMS)) : weighed;
    }

    private List<TextHit> hits(IndexSearcher searcher, ScoreDoc[] docs, List<Searched> terms) throws IOException {
        double whole = terms.stream().mapToDouble(Searched::weight).sum();
        Map<Integer, List<String>> matched = matchedTerms(searcher, docs, terms);
        Map<Integer, String> ids = ids(searcher, docs);
        List<TextHit> hits = new ArrayList<>(docs.length);
        for (ScoreDoc doc : docs) {
            float relevance = whole <= 0 ? 0 : (float) Math.min(1.0, doc.score / whole);
            hits.add(new TextHit(ids.get(doc.doc), relevance, matched.getOrDefault(doc.doc, List.of())));
        }
        return hits;
    }

    /**
     * The providers' ids, read from doc values in document order: a stored field would decompress a block of
     * documents for each one.
     */
    private static Map<Integer, String> ids(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
        int[] sorted = Arrays.stream(docs).mapToInt(d -> d.doc).sorted().toArray();
        Map<Integer, String> ids = new HashMap<>(docs.length * 2);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            BinaryDocValues values = DocValues.getBinary(leaf.reader(), ID);
            int end = leaf.docBase + leaf.reader().maxDoc();
            for (int doc : sorted) {
                if (doc >= leaf.docBase && doc < end && values.advanceExact(doc - leaf.docBase)) {
                    ids.put(doc, values.binaryValue().utf8ToString());
                }
            }
        }
        return ids;
    }

    /**
     * The demand's words each hit contains, read from the postings of the searched terms only: the word as the
     * demand wrote it, or with its translation beside it where the profile has only that.
     */
    private static Map<Integer, List<String>> matchedTerms(IndexSearcher searcher, ScoreDoc[] docs,
            List<Searched> terms) throws IOException {
        int[] sorted = Arrays.stream(docs).mapToInt(d -> d.doc).sorted().toArray();
        Map<Integer, Set<String>> own = new HashMap<>();
        Map<Integer, List<String>> matched = new HashMap<>();
        for (Searched searched : terms) {
            var term = searched.term();
            for (int doc : containing(searcher, sorted, term.field(), term.term())) {
                own.computeIfAbsent(doc, d -> new HashSet<>()).add(term.term());
                matched.computeIfAbsent(doc, d -> new ArrayList<>()).add(term.surface());
            }
        }
        for (Searched searched : terms) {
            var term = searched.term();
            int[] translated = containing(searcher, sorted, term.bridgedField(), term.term()).stream()
                    .filter(doc -> !own.getOrDefault(doc, Set.of()).contains(term.term()))
                    .mapToInt(Integer::intValue).toArray();
            for (var shown : translationsShown(searcher, translated, term).entrySet()) {
                matched.computeIfAbsent(shown.getKey(), d -> new ArrayList<>()).add(shown.getValue());
            }
        }
        return matched;
    }

    /**
     * For each (sorted) document holding a demand word only as a translation, how to show it: beside the first of
     * the word's translations the profile itself wrote, or alone if the bridge reached it through a compound.
     */
    private static Map<Integer, String> translationsShown(IndexSearcher searcher, int[] documents, DemandTerm term)
            throws IOException {
        Map<Integer, String> shown = new HashMap<>();
        for (Bridge.Gloss gloss : term.translations()) {
            if (shown.size() == documents.length) {
                break;
            }
            int[] having = documents;
            for (String token : gloss.terms()) {
                having = containing(searcher, having, term.otherLanguageField(), token).stream()
                        .mapToInt(Integer::intValue).toArray();
            }
            for (int doc : having) {
                shown.putIfAbsent(doc, term.surface() + " ~ " + gloss.text());
            }
        }
        for (int doc : documents) {
            shown.putIfAbsent(doc, term.surface());
        }
        return shown;
    }

    /** Those of the (sorted) documents whose field holds the term. */
    private static List<Integer> containing(IndexSearcher searcher, int[] sorted, String field, String text)
            throws IOException {
        List<Integer> found = new ArrayList<>();
        BytesRef bytes = new BytesRef(text);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(field);
            if (terms == null) {
                continue;
            }
            TermsEnum termsEnum = terms.iterator();
            if (!termsEnum.seekExact(bytes)) {
                continue;
            }
            PostingsEnum postings = termsEnum.postings(null, PostingsEnum.NONE);
            int end = leaf.docBase + leaf.reader().maxDoc();
            for (int doc : sorted) {
                if (doc < leaf.docBase || doc >= end) {
                    continue;
                }
                int local = doc - leaf.docBase;
                if (postings.docID() < local) {
                    postings.advance(local);
                }
                if (postings.docID() == local) {
                    found.add(doc);
                }
            }
        }
        return found;
    }

    /** Each analysed term of a demand, with the word it came from and the weight of its source. */
    private List<DemandTerm> analysed(SearchTexts texts) {
        List<DemandTerm> terms = analysed.get(texts);
        if (terms == null) {
            // Analysed outside the lock: two threads may both analyse a new demand, with the same result.
            terms = demandTerms(texts);
            analysed.put(texts, terms);
        }
        return terms;
    }

    private List<DemandTerm> demandTerms(SearchTexts texts) {
        Map<String, DemandTerm> terms = new LinkedHashMap<>();
        addTerms(texts.demand(), 1.0, terms);
        addTerms(texts.fieldVocabulary(), FIELD_VOCABULARY, terms);
        return List.copyOf(terms.values());
    }

    private void addTerms(List<String> texts, double weight, Map<String, DemandTerm> terms) {
        for (String text : texts) {
            for (var word : analysis.englishEvidence(text)) {
                terms.computeIfAbsent("en:" + word.stem(), k -> new DemandTerm(false, word.stem(), word.surface(),
                        weight, bridge.translationsFor(word.surface())));
            }
            for (String word : analysis.chineseWords(text)) {
                terms.computeIfAbsent("zh:" + word, k -> new DemandTerm(true, word, word, weight,
                        bridge.glossesFor(word)));
            }
        }
    }

    private Document document(Provider provider) {
        var profile = provider.profile();
        var doc = new Document();
        doc.add(new StringField(ID, provider.id(), Field.Store.NO));
        doc.add(new BinaryDocValuesField(ID, new BytesRef(provider.id())));
        List<String> texts = new ArrayList<>();
        if (profile.title() != null) {
            texts.add(profile.title());
        }
        texts.addAll(profile.skills());
        texts.addAll(profile.keywords());
        texts.add(profile.summary());
        profile.achievements().stream().map(Achievement::title).forEach(texts::add);
        String text = String.join("\n", texts);
        List<String> chinese = analysis.chineseWords(text);
        List<String> english = analysis.englishEvidence(text).stream().map(TextAnalysis.EnglishWord::stem).toList();
        doc.add(new Field(CHINESE, String.join(" ", chinese), WORDS));
        doc.add(new Field(ENGLISH, String.join(" ", english), WORDS));
        doc.add(new Field(BRIDGED_CHINESE, String.join(" ", bridge.chineseOf(text)), WORDS));
        doc.add(new Field(BRIDGED_ENGLISH, String.join(" ", bridge.englishOf(chinese)), WORDS));
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

    /** Words only: which profiles have a word is all a search reads (no positions, frequencies or norms). */
    private static FieldType wordsField() {
        var type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(IndexOptions.DOCS);
        type.setOmitNorms(true);
        type.freeze();
        return type;
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
