package cn.innovationchina.matching.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * How a text becomes the words that count as evidence (ADR 0035), the same for a profile and a demand, each read in
 * its standard form first (traditional characters as simplified, full-width Latin as ASCII; ADR 0084):
 * <ul>
 * <li><b>Chinese</b>: smartcn's segmentation with the technical words it splits into characters rebuilt
 * ({@link ChineseAnalyzer}); single characters, function characters and domain-generic words (技术, 研究, 系统 ...)
 * are never words.</li>
 * <li><b>English</b>: standard tokenizer (Latin and digits), possessives, lower case, stop words, Porter stems;
 * domain-generic stems (technology, system, research ...) are dropped from the evidence but kept in the phrases the
 * bridge looks up ("battery management system").</li>
 * </ul>
 */
final class TextAnalysis {

    /** An English word as written (lower case), its stem, where it stands and which clause of the text holds it. */
    record EnglishWord(String surface, String stem, int start, int end, int clause) {
    }

    /** The words of a text that count as evidence: its Chinese words and its English stems. */
    record Evidence(List<String> chinese, List<EnglishWord> english) {
    }

    /**
     * Demand texts analysed lately. A demand is analysed for its ranking and again, by another consumer, for the
     * index of open demands; and its field vocabulary is the same in every demand of that field.
     */
    private static final int REMEMBERED_DEMAND_TEXTS = 4096;

    private final RecentlyUsed<String, Evidence> demandTexts = new RecentlyUsed<>(REMEMBERED_DEMAND_TEXTS);
    private final Set<String> englishGeneric;
    private final Analyzer english = new English();
    private final Analyzer chinese;
    private final WritingForms forms = WritingForms.standard();

    /**
     * @param dictionaryWord whether a string of Han characters is a word of the bridge dictionary
     * @param longestWord the longest such word, in characters
     * @param terms the Chinese terms found wherever they are written (the taxonomy's)
     */
    TextAnalysis(Predicate<String> dictionaryWord, int longestWord, Set<String> terms) {
        this.chinese = new ChineseAnalyzer(dictionaryWord, longestWord, terms);
        Set<String> stems = new HashSet<>();
        for (String word : GenericWords.ENGLISH) {
            englishWords(word).forEach(w -> stems.add(w.stem()));
        }
        this.englishGeneric = Set.copyOf(stems);
    }

    /** The evidence of a demand's text, remembered for the next demand that writes the same text. */
    Evidence ofDemandText(String text) {
        return demandTexts.computeIfAbsent(text, t -> {
            String standard = standardForm(t);
            return new Evidence(List.copyOf(chineseWords(standard)), englishEvidence(standard));
        });
    }

    /**
     * A text as the analysis reads it: traditional characters as simplified, full-width Latin as ASCII
     * ({@link WritingForms}). Whatever a profile or a demand writes is read through this first.
     */
    String standardForm(String text) {
        return forms.standard(text);
    }

    /** The Chinese words of a text that count as evidence, in order (repeats kept). */
    List<String> chineseWords(String text) {
        List<String> words = new ArrayList<>();
        if (!containsHan(text)) {
            // Only Han tokens are words: a text without a Han character (an English profile) is not segmented.
            return words;
        }
        try (TokenStream stream = chinese.tokenStream("", text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /**
     * Every English word of a text (stop words of the language removed, domain-generic words kept), with its stem
     * and the clause it stands in: the bridge reads phrases from these, and only within one clause.
     */
    List<EnglishWord> englishWords(String text) {
        List<EnglishWord> words = new ArrayList<>();
        try (TokenStream stream = english.tokenStream("", text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            var keyword = stream.addAttribute(KeywordAttribute.class);
            var offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            String surface = null;
            int start = 0;
            int end = 0;
            int clause = 0;
            int lastEnd = 0;
            while (stream.incrementToken()) {
                if (keyword.isKeyword()) {
                    surface = term.toString();
                    start = offset.startOffset();
                    end = offset.endOffset();
                    if (startsNewClause(text, lastEnd, start)) {
                        clause++;
                    }
                    lastEnd = end;
                } else {
                    words.add(new EnglishWord(surface, term.toString(), start, end, clause));
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /** The English stems of a text that count as evidence: domain-generic words left out. */
    List<EnglishWord> englishEvidence(String text) {
        return englishWords(text).stream().filter(word -> word.surface().length() > 1
                && !word.surface().chars().allMatch(Character::isDigit) && !englishGeneric.contains(word.stem()))
                .toList();
    }

    boolean isEnglishGeneric(String stem) {
        return englishGeneric.contains(stem);
    }

    private static boolean startsNewClause(String text, int from, int to) {
        for (int i = from; i < to && i < text.length(); i++) {
            char c = text.charAt(i);
            if (",.;:!?()[]{}\n，。；：！？（）、".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Emits each word twice: as written (marked keyword, so not stemmed) and as its stem. */
    private static final class English extends Analyzer {

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream tokens = new TypeTokenFilter(source, Set.of("<ALPHANUM>", "<NUM>"), true);
            tokens = new EnglishPossessiveFilter(tokens);
            tokens = new LowerCaseFilter(tokens);
            tokens = new StopFilter(tokens, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            tokens = new KeywordRepeatFilter(tokens);
            tokens = new PorterStemFilter(tokens);
            return new TokenStreamComponents(source, tokens);
        }
    }

    private static boolean containsHan(String text) {
        return text.codePoints().anyMatch(TextAnalysis::isHan);
    }

    /** Asked of every token: a loop, where a stream of code points would allocate for each. */
    static boolean isHan(String token) {
        for (int i = 0; i < token.length(); i += Character.charCount(token.codePointAt(i))) {
            if (!isHan(token.codePointAt(i))) {
                return false;
            }
        }
        return !token.isEmpty();
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
