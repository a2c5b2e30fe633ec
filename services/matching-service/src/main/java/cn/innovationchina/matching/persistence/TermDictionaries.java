package cn.innovationchina.matching.persistence;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * One term-dictionary iterator per field and segment of a reader, for the many lookups of one search: each new
 * iterator allocates its frames afresh, and a demand looks up a hundred terms in a few fields (ADR 0080, ADR 0085).
 */
final class TermDictionaries {

    private final List<LeafReaderContext> leaves;
    private final Map<String, TermsEnum[]> byField = new HashMap<>();

    TermDictionaries(IndexReader reader) {
        this.leaves = reader.leaves();
    }

    List<LeafReaderContext> leaves() {
        return leaves;
    }

    /** The field's iterator in this segment, positioned on the term; null where the segment does not hold it. */
    TermsEnum seek(LeafReaderContext leaf, String field, BytesRef term) throws IOException {
        TermsEnum terms = in(field)[leaf.ord];
        return terms != null && terms.seekExact(term) ? terms : null;
    }

    /** How many documents hold the term in the field, as {@link IndexReader#docFreq} counts them. */
    int docFreq(String field, BytesRef term) throws IOException {
        int documents = 0;
        for (LeafReaderContext leaf : leaves) {
            TermsEnum terms = seek(leaf, field, term);
            if (terms != null) {
                documents += terms.docFreq();
            }
        }
        return documents;
    }

    private TermsEnum[] in(String field) throws IOException {
        TermsEnum[] inField = byField.get(field);
        if (inField == null) {
            inField = new TermsEnum[leaves.size()];
            for (LeafReaderContext leaf : leaves) {
                Terms terms = leaf.reader().terms(field);
                inField[leaf.ord] = terms == null ? null : terms.iterator();
            }
            byField.put(field, inField);
        }
        return inField;
    }
}
