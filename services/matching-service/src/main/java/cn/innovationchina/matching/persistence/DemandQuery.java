package cn.innovationchina.matching.persistence;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.matching.persistence.DemandTerms.DemandTerm;
import cn.innovationchina.reference.FieldTaxonomy;

/**
 * The query a demand's terms make (ADR 0035): a term weighs its rarity among the profiles (BM25's idf) times the
 * weight of its source; a profile earns a term's full weight for the word itself and {@value #BRIDGED} of it for a
 * translation, so its score is the weight it covers. The demand's fields and field areas widen recall without
 * adding to the score; only open providers offering one of the demand's cooperation modes are found.
 */
final class DemandQuery {

    static final int MAX_QUERY_TERMS = 20;
    /** A translation is weaker evidence than the word itself: a dictionary gloss may be another sense. */
    static final double BRIDGED = 0.8;
    /** A term in more than this share of the profiles is no evidence of a speciality... */
    private static final double COMMON_SHARE = 0.5;
    /** ...once there are enough profiles for a share to mean something. */
    private static final int PROFILES_FOR_A_SHARE = 50;

    /** A term kept for a search, with its weight there and whether any profile has the word or a translation. */
    record Searched(DemandTerm term, float weight, boolean written, boolean translated) {
    }

    private final FieldTaxonomy taxonomy;

    DemandQuery(FieldTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /**
     * The demand's terms that some profile has (as the word or a translation) and most do not, weighed by rarity
     * and source, the heaviest {@code MAX_QUERY_TERMS}: a long bilingual demand yields a hundred terms, and the
     * frequent ones cost the most postings to read while weighing the least (Lucene's MoreLikeThis keeps the most
     * informative terms the same way).
     */
    static List<Searched> informative(IndexSearcher searcher, List<DemandTerm> terms) throws IOException {
        var reader = searcher.getIndexReader();
        var dictionaries = new TermDictionaries(reader);
        int profiles = reader.numDocs();
        List<Searched> weighed = new ArrayList<>();
        for (DemandTerm term : terms) {
            var bytes = new BytesRef(term.term());
            int written = dictionaries.docFreq(term.field(), bytes);
            int translated = dictionaries.docFreq(term.bridgedField(), bytes);
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

    /**
     * Each term scores its weight if the profile has the word, {@value #BRIDGED} of it if the profile has only a
     * translation: the score is the covered weight, and ties between equally covering profiles stay ties.
     */
    BooleanQuery.Builder query(List<Searched> terms, List<String> fieldCodes, List<CooperationMode> modes) {
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
            fields.add(new TermQuery(new Term(ProfileFields.FIELD, code)), Occur.SHOULD);
            taxonomy.areaOf(code)
                    .ifPresent(area -> fields.add(new TermQuery(new Term(ProfileFields.AREA, area)), Occur.SHOULD));
        }
        // Field clauses widen recall but add nothing to the score: the ranking weighs the fields itself.
        var textOrField = new BooleanQuery.Builder()
                .add(text.build(), Occur.SHOULD)
                .add(new BoostQuery(new ConstantScoreQuery(fields.build()), 0f), Occur.SHOULD)
                .build();
        var query = new BooleanQuery.Builder()
                .add(textOrField, Occur.MUST)
                .add(new TermQuery(new Term(ProfileFields.OPEN, "yes")), Occur.FILTER);
        if (!modes.isEmpty()) {
            var anyMode = new BooleanQuery.Builder();
            modes.forEach(mode -> anyMode.add(new TermQuery(new Term(ProfileFields.MODE, mode.name())), Occur.SHOULD));
            query.add(anyMode.build(), Occur.FILTER);
        }
        return query;
    }
}
