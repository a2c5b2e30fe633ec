package cn.innovationchina.matching.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The two analyses of every text, indexed in two fields: Chinese words (smartcn's HMM segmentation, Han tokens
 * only) and English words (standard tokenizer, Latin and digits only, stop words removed, Porter stemming). Mixed
 * text lands in both fields, each language in its own, so neither analyzer sees the other's script.
 */
final class TextAnalysis {

    static final String ENGLISH = "text_en";
    static final String CHINESE = "text_zh";

    static final Analyzer ENGLISH_STEMMED = new English(true);
    /** The same tokens unstemmed: how the explanation shows a matched word. */
    static final Analyzer ENGLISH_SURFACE = new English(false);
    static final Analyzer CHINESE_WORDS = new Chinese();

    private TextAnalysis() {
    }

    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static final class English extends Analyzer {

        private final boolean stem;

        English(boolean stem) {
            this.stem = stem;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream tokens = new TypeTokenFilter(source, Set.of("<ALPHANUM>", "<NUM>"), true);
            tokens = new EnglishPossessiveFilter(tokens);
            tokens = new LowerCaseFilter(tokens);
            tokens = new StopFilter(tokens, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            if (stem) {
                tokens = new PorterStemFilter(tokens);
            }
            return new TokenStreamComponents(source, tokens);
        }
    }

    private static final class Chinese extends Analyzer {

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new HMMChineseTokenizer();
            TokenStream tokens = new HanOnly(source);
            tokens = new StopFilter(tokens, SmartChineseAnalyzer.getDefaultStopSet());
            return new TokenStreamComponents(source, tokens);
        }
    }

    private static final class HanOnly extends FilteringTokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        HanOnly(TokenStream in) {
            super(in);
        }

        @Override
        protected boolean accept() {
            for (int i = 0; i < term.length(); i++) {
                if (Character.UnicodeScript.of(term.charAt(i)) == Character.UnicodeScript.HAN) {
                    return true;
                }
            }
            return false;
        }
    }
}
