package cn.innovationchina.matching.persistence;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Chinese text as the words that count as evidence (ADR 0035): smartcn's HMM segmentation, then the runs of single
 * characters it leaves where its news dictionary lacks a technical word (储 能, 液 冷 板, 电 堆) are rebuilt: the
 * bridge dictionary's words first (液冷), then characters left next to each other form one word (电堆), and a
 * character left alone is joined to the word before and the word after it (电池 包 → 电池包, 热 管理 → 热管理). The
 * taxonomy's Chinese terms are words wherever they are written, however smartcn splits them (冷热 管理 still holds
 * 热管理). Single characters, function characters and domain-generic words ({@link GenericWords}) are never words.
 */
final class ChineseAnalyzer extends Analyzer {

    private final Predicate<String> dictionaryWord;
    private final int longestWord;
    private final Set<String> terms;
    /** Every beginning of a term: a scan for terms stops as soon as the text stops being one. */
    private final Set<String> termBeginnings;

    /**
     * @param dictionaryWord whether a string of Han characters is a word of the bridge dictionary
     * @param longestWord the longest such word, in characters
     * @param terms the Chinese terms found wherever they are written (the taxonomy's)
     */
    ChineseAnalyzer(Predicate<String> dictionaryWord, int longestWord, Set<String> terms) {
        this.dictionaryWord = dictionaryWord;
        this.longestWord = longestWord;
        this.terms = Set.copyOf(terms);
        Set<String> beginnings = new HashSet<>();
        for (String term : terms) {
            for (int end = 1; end <= term.length(); end++) {
                beginnings.add(term.substring(0, end));
            }
        }
        this.termBeginnings = Set.copyOf(beginnings);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new HMMChineseTokenizer();
        TokenStream tokens = new RebuiltWords(source);
        tokens = new StopFilter(tokens, new CharArraySet(GenericWords.CHINESE, false));
        return new TokenStreamComponents(source, tokens);
    }

    /** A piece of a run of Han text: a word, or a character nothing could be joined to yet. */
    private record Piece(String text, boolean single) {
    }

    /**
     * Reads all of smartcn's tokens of a text, then emits the words rebuilt from them (see the class comment). Texts
     * are profile and demand fields, a few hundred characters: holding them whole is cheap.
     */
    private final class RebuiltWords extends TokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private List<String> words;
        private int next;

        RebuiltWords(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (words == null) {
                words = rebuild();
                next = 0;
            }
            if (next == words.size()) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(words.get(next++));
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            words = null;
        }

        private List<String> rebuild() throws IOException {
            List<String> out = new ArrayList<>();
            List<String> run = new ArrayList<>();
            int lastEnd = -1;
            while (input.incrementToken()) {
                String token = term.toString();
                boolean joins = TextAnalysis.isHan(token) && !isFunction(token) && offset.startOffset() == lastEnd;
                if (!joins) {
                    emit(run, out);
                    run.clear();
                }
                if (TextAnalysis.isHan(token) && !isFunction(token)) {
                    run.add(token);
                }
                lastEnd = offset.endOffset();
            }
            emit(run, out);
            return out;
        }

        /**
         * One stretch of adjacent Han tokens: words as they are, runs of single characters rebuilt, and the terms
         * written in it.
         */
        private void emit(List<String> tokens, List<String> out) {
            if (tokens.isEmpty()) {
                return;
            }
            List<Piece> pieces = new ArrayList<>();
            StringBuilder singles = new StringBuilder();
            for (String token : tokens) {
                if (token.codePointCount(0, token.length()) == 1) {
                    singles.append(token);
                    continue;
                }
                resegment(singles.toString(), pieces);
                singles.setLength(0);
                pieces.add(new Piece(token, false));
            }
            resegment(singles.toString(), pieces);
            for (int i = 0; i < pieces.size(); i++) {
                Piece piece = pieces.get(i);
                if (!piece.single()) {
                    out.add(piece.text());
                    continue;
                }
                if (i > 0 && gluable(pieces.get(i - 1))) {
                    out.add(pieces.get(i - 1).text() + piece.text());
                }
                if (i + 1 < pieces.size() && gluable(pieces.get(i + 1))) {
                    out.add(piece.text() + pieces.get(i + 1).text());
                }
            }
            String stretch = String.join("", tokens);
            for (int i = 0; i + 2 <= stretch.length(); i++) {
                for (int j = i + 1; j <= stretch.length(); j++) {
                    String beginning = stretch.substring(i, j);
                    if (!termBeginnings.contains(beginning)) {
                        break;
                    }
                    if (j - i >= 2 && terms.contains(beginning) && !out.contains(beginning)) {
                        out.add(beginning);
                    }
                }
            }
        }

        /**
         * Splits a run of single characters into the dictionary's longest words; characters left next to each other
         * become one word, a character left alone stays single (to be glued to its neighbours).
         */
        private void resegment(String run, List<Piece> pieces) {
            int length = run.length();
            int i = 0;
            StringBuilder left = new StringBuilder();
            while (i < length) {
                int found = 0;
                for (int j = Math.min(length, i + longestWord); j >= i + 2; j--) {
                    if (dictionaryWord.test(run.substring(i, j))) {
                        found = j;
                        break;
                    }
                }
                if (found == 0) {
                    left.append(run.charAt(i));
                    i++;
                    continue;
                }
                flush(left, pieces);
                pieces.add(new Piece(run.substring(i, found), false));
                i = found;
            }
            flush(left, pieces);
        }

        /**
         * Characters no dictionary word covers: one stays single, two or three make a word (电堆, 黑粉), a longer run
         * is read as overlapping pairs (包覆改性 → 包覆, 覆改, 改性), since no rule can tell where its words end.
         */
        private static void flush(StringBuilder left, List<Piece> pieces) {
            if (left.length() == 1) {
                pieces.add(new Piece(left.toString(), true));
            } else if (left.length() > 1 && left.length() <= 3) {
                pieces.add(new Piece(left.toString(), false));
            } else if (left.length() > 3) {
                for (int i = 0; i + 2 <= left.length(); i++) {
                    pieces.add(new Piece(left.substring(i, i + 2), false));
                }
            }
            left.setLength(0);
        }

        private static boolean gluable(Piece neighbour) {
            return !neighbour.single() && !GenericWords.CHINESE.contains(neighbour.text());
        }

        private static boolean isFunction(String token) {
            return token.codePointCount(0, token.length()) == 1
                    && GenericWords.FUNCTION_CHARACTERS.contains(token.codePointAt(0));
        }
    }
}
