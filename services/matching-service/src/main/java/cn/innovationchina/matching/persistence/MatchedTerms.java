package cn.innovationchina.matching.persistence;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;

import cn.innovationchina.matching.persistence.DemandQuery.Searched;
import cn.innovationchina.matching.persistence.DemandTerms.DemandTerm;

/**
 * The demand's words each hit contains, as its explanation shows them: the word as the demand wrote it, or with its
 * translation beside it where the profile has only that ("回收 ~ recycling"). Read from the postings of the searched
 * terms only.
 *
 * <p>One explanation looks up dozens of terms in a few fields; it keeps one term-dictionary iterator per field and
 * segment ({@link TermDictionaries}) and one postings iterator for all of them, since each new iterator allocates its
 * frames afresh (about half of what matching allocated before, ADR 0080).
 */
final class MatchedTerms {

    private final TermDictionaries dictionaries;
    private PostingsEnum postings;

    private MatchedTerms(IndexSearcher searcher) {
        this.dictionaries = new TermDictionaries(searcher.getIndexReader());
    }

    /** By document number, the demand's words each of these hits contains. */
    static Map<Integer, List<String>> of(IndexSearcher searcher, ScoreDoc[] docs, List<Searched> terms)
            throws IOException {
        return new MatchedTerms(searcher).explain(docs, terms);
    }

    private Map<Integer, List<String>> explain(ScoreDoc[] docs, List<Searched> terms) throws IOException {
        int[] sorted = Arrays.stream(docs).mapToInt(d -> d.doc).sorted().toArray();
        Map<Integer, Set<String>> own = new HashMap<>();
        Map<Integer, List<String>> matched = new HashMap<>();
        for (Searched searched : terms) {
            var term = searched.term();
            for (int doc : containing(sorted, term.field(), term.term())) {
                own.computeIfAbsent(doc, d -> new HashSet<>()).add(term.term());
                matched.computeIfAbsent(doc, d -> new ArrayList<>()).add(term.surface());
            }
        }
        for (Searched searched : terms) {
            var term = searched.term();
            int[] translated = containing(sorted, term.bridgedField(), term.term()).stream()
                    .filter(doc -> !own.getOrDefault(doc, Set.of()).contains(term.term()))
                    .mapToInt(Integer::intValue).toArray();
            for (var shown : translationsShown(translated, term).entrySet()) {
                matched.computeIfAbsent(shown.getKey(), d -> new ArrayList<>()).add(shown.getValue());
            }
        }
        return matched;
    }

    /**
     * For each (sorted) document holding a demand word only as a translation, how to show it: beside the first of
     * the word's translations the profile itself wrote, or alone if the bridge reached it through a compound.
     */
    private Map<Integer, String> translationsShown(int[] documents, DemandTerm term)
            throws IOException {
        Map<Integer, String> shown = new HashMap<>();
        for (Bridge.Gloss gloss : term.translations()) {
            if (shown.size() == documents.length) {
                break;
            }
            int[] having = documents;
            for (String token : gloss.terms()) {
                having = containing(having, term.otherLanguageField(), token).stream()
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
    private List<Integer> containing(int[] sorted, String field, String text) throws IOException {
        List<Integer> found = new ArrayList<>();
        BytesRef bytes = new BytesRef(text);
        for (LeafReaderContext leaf : dictionaries.leaves()) {
            TermsEnum termsEnum = dictionaries.seek(leaf, field, bytes);
            if (termsEnum == null) {
                continue;
            }
            postings = termsEnum.postings(postings, PostingsEnum.NONE);
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
}
