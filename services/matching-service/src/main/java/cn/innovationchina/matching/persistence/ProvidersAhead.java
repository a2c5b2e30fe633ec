package cn.innovationchina.matching.persistence;

import java.io.IOException;
import java.util.Arrays;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts the documents a search would put before one provider's, to tell whether he is among its first
 * {@code limit} without collecting them (ADR 0085). Lucene orders by score, and among equal scores by document
 * number; so a document is ahead if it scores more, or the same with a smaller number. The scorer is told that
 * nothing below the provider's score counts, so whole blocks of weaker profiles are skipped, and the count stops
 * once {@code limit} are ahead.
 *
 * <p>The provider's score comes from a search of his document alone, whose sum of the same clause scores may differ
 * in the last bits from the one this search makes: scores within {@link #MARGIN} of it seen before his document
 * are kept and compared with the score this search gives him when it reaches him.
 */
final class ProvidersAhead implements Collector {

    /**
     * The part of the provider's score, and at least this much below a score of 1, that still counts as his: far
     * above a float sum's rounding, far below the weight of any term.
     */
    private static final float MARGIN = 1e-4f;

    private final int provider;
    private final float estimate;
    private final float margin;
    private final int limit;
    private int ahead;
    private float score = Float.NaN;
    private float[] near = new float[8];
    private int nearCount;
    private boolean full;

    /** @param provider the provider's document, with its score from a search of that document alone */
    ProvidersAhead(ScoreDoc provider, int limit) {
        this.provider = provider.doc;
        this.estimate = provider.score;
        this.margin = Math.max(MARGIN, provider.score * MARGIN);
        this.limit = limit;
    }

    /** Whether fewer than {@code limit} documents come before the provider's. */
    boolean withinLimit() {
        if (full) {
            return false;
        }
        float own = Float.isNaN(score) ? estimate : score;
        int total = ahead;
        for (int i = 0; i < nearCount; i++) {
            if (near[i] >= own) {
                total++;
            }
        }
        return total < limit;
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.TOP_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) {
        if (full) {
            throw new CollectionTerminatedException();
        }
        int base = context.docBase;
        return new LeafCollector() {
            private Scorable scorer;

            @Override
            public void setScorer(Scorable scorer) throws IOException {
                this.scorer = scorer;
                scorer.setMinCompetitiveScore(Math.max(0f, estimate - margin));
            }

            @Override
            public void collect(int doc) throws IOException {
                int global = base + doc;
                float s = scorer.score();
                if (global == provider) {
                    score = s;
                    return;
                }
                boolean before = global < provider;
                if (!Float.isNaN(score)) {
                    // Past the provider's document: his score is known exactly, and only a higher one is ahead.
                    countIf(s > score);
                } else if (s > estimate + margin) {
                    countIf(true);
                } else if (s >= estimate - margin && before) {
                    keepNear(s);
                }
            }
        };
    }

    private void countIf(boolean isAhead) {
        if (isAhead && ++ahead >= limit) {
            full = true;
            throw new CollectionTerminatedException();
        }
    }

    private void keepNear(float s) {
        if (nearCount == near.length) {
            near = Arrays.copyOf(near, nearCount * 2);
        }
        near[nearCount++] = s;
    }
}
