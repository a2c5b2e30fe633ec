package cn.innovationchina.matching.persistence;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/** The ids the provider index and the open-demand index keep beside each document, in {@value ProfileFields#ID}. */
final class IndexedIds {

    private IndexedIds() {
    }

    /**
     * The ids of the documents found, by document number, read from doc values in document order: a stored field
     * would decompress a block of documents for each one.
     */
    static Map<Integer, String> of(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
        int[] sorted = Arrays.stream(docs).mapToInt(d -> d.doc).sorted().toArray();
        Map<Integer, String> ids = new HashMap<>(docs.length * 2);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            BinaryDocValues values = DocValues.getBinary(leaf.reader(), ProfileFields.ID);
            int end = leaf.docBase + leaf.reader().maxDoc();
            for (int doc : sorted) {
                if (doc >= leaf.docBase && doc < end && values.advanceExact(doc - leaf.docBase)) {
                    ids.put(doc, values.binaryValue().utf8ToString());
                }
            }
        }
        return ids;
    }
}
