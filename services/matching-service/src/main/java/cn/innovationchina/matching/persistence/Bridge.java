package cn.innovationchina.matching.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.lucene.analysis.cn.smart.hhmm.HHMMSegmenter;
import org.apache.lucene.analysis.cn.smart.hhmm.SegToken;

import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.reference.TechnologyField;

/**
 * The bilingual bridge between Chinese and English profiles and demands (ADR 0035): the English glosses of a Chinese
 * word, and the Chinese words an English phrase translates to. Its pairs are CC-CEDICT's, adapted in
 * {@code bridge/zh-en.tsv} (CC BY-SA 4.0), ECDICT's, adapted in {@code bridge/en-zh.tsv} (MIT; ADR 0061: its
 * technical vocabulary, 钛铁矿 for "ilmenite", 浮选 for "flotation", which CC-CEDICT lacks or glosses otherwise), and
 * the field taxonomy's Chinese and English names and keywords.
 *
 * <p>The index uses it when a profile is written: an English profile also gets the Chinese words its phrases
 * translate to, a Chinese profile the English words of its words' glosses, each in a field of its own that weighs
 * less than the profile's own words.
 */
final class Bridge {

    /** Phrases of up to four words are looked up: the adaptation keeps no longer gloss. */
    private static final int LONGEST_PHRASE = 4;
    /** An English phrase with more translations than this is too ambiguous to carry them all. */
    private static final int CHINESE_PER_PHRASE = 4;

    /**
     * A Chinese word glossed by an English phrase: the gloss as written, how early in the entry it came (the first
     * sense is the common one), and whether the entry is the Chinese word's (a gloss of that word) or the English
     * phrase's (one of the phrase's renderings, general senses among them).
     */
    private record Translation(String word, String gloss, int sense, boolean ofChineseWord) {
    }

    /**
     * ECDICT, read when the bridge is made (as CC-CEDICT is) rather than by the first profile or demand analysed: a
     * consumer's first event must not stall a second on reading it.
     */
    private final Ecdict englishChinese = Ecdict.LINES;
    private final Map<String, List<String>> taxonomyGlosses;
    private final Map<String, List<Translation>> taxonomyPhrases;
    private final int longestWord;
    private final TextAnalysis analysis;
    private final Map<String, Set<String>> englishOfWord = new ConcurrentHashMap<>();
    private final Map<String, List<String>> wordsOfTranslation = new ConcurrentHashMap<>();
    private final Map<String, Integer> frequencies = new ConcurrentHashMap<>();
    /**
     * Ranked translations by stems and written phrase, for the dictionaries' phrases only (so at most a few per
     * phrase): profiles repeat their phrases ("battery", "recycling").
     */
    private final Map<String, List<String>> translations = new ConcurrentHashMap<>();

    private Bridge(Map<String, List<String>> taxonomyGlosses) {
        this.taxonomyGlosses = Map.copyOf(taxonomyGlosses);
        this.longestWord = Math.max(Cedict.LONGEST_WORD,
                taxonomyGlosses.keySet().stream().mapToInt(String::length).max().orElse(2));
        this.analysis = new TextAnalysis(this::isWord, longestWord, this.taxonomyGlosses.keySet());
        this.taxonomyPhrases = reverse(this.taxonomyGlosses, analysis);
    }

    /** The dictionary with the taxonomy's pairs added: each field's names and each of its synonyms. */
    static Bridge of(FieldTaxonomy taxonomy) {
        Map<String, List<String>> glosses = new HashMap<>();
        for (TechnologyField field : taxonomy.all()) {
            pair(glosses, field.nameZh(), field.nameEn());
            field.synonyms().forEach(synonym -> pair(glosses, synonym.zh(), synonym.en()));
        }
        return new Bridge(glosses);
    }

    private static void pair(Map<String, List<String>> glosses, String chinese, String english) {
        if (chinese == null || english == null || !TextAnalysis.isHan(chinese)) {
            return;
        }
        List<String> merged = new ArrayList<>(glosses.getOrDefault(chinese, List.of()));
        String gloss = english.toLowerCase(Locale.ROOT);
        if (!merged.contains(gloss)) {
            merged.add(gloss);
        }
        glosses.put(chinese, merged);
    }

    private boolean isWord(String chinese) {
        return taxonomyGlosses.containsKey(chinese) || Cedict.GLOSSES.containsKey(chinese);
    }

    /**
     * A word some dictionary translates whole (絮凝, which only ECDICT holds); other words are translated by the words
     * they are made of. ECDICT's Chinese words do not steer the analysis's segmentation: asked for every stretch of
     * characters, they cost the index's rebuild a third more and changed no list of either evaluation set.
     */
    private boolean translatedWhole(String chinese) {
        return isWord(chinese) || englishChinese.translates(chinese);
    }

    /**
     * The taxonomy's glosses first: they are the platform's own words for its fields; then CC-CEDICT's; then the
     * English words ECDICT translates by the word.
     */
    private List<String> glossesOf(String chinese) {
        List<String> own = taxonomyGlosses.get(chinese);
        List<String> cedict = Cedict.GLOSSES.get(chinese);
        List<String> ecdict = englishChinese.englishOf(chinese);
        Set<String> merged = new LinkedHashSet<>();
        merged.addAll(own == null ? List.of() : own);
        merged.addAll(cedict == null ? List.of() : cedict);
        merged.addAll(ecdict);
        return List.copyOf(merged);
    }

    /**
     * The Chinese words an English phrase (its stems) translates to, the taxonomy's first, then the dictionaries'
     * (CC-CEDICT's by the phrase's stems, ECDICT's by the phrase as written, unless it is one domain-generic word)
     * glossed most like the phrase as written ("detection" is 检测's gloss; "detective", stemmed alike, is not), then
     * a Chinese word glossed by the phrase before the phrase's other renderings (检测 before 发现 for "detection"), then
     * the most used in Chinese text (电池 before 炮台 for "battery"), then by sense.
     */
    private List<String> translationsOf(String stems, String written) {
        String surface = asWritten(written);
        if (!taxonomyPhrases.containsKey(stems) && !Cedict.PHRASES.containsKey(stems)
                && !englishChinese.holds(surface)) {
            return List.of();
        }
        return translations.computeIfAbsent(stems + '\t' + surface, key -> rankTranslations(stems, surface));
    }

    /** A phrase as ECDICT writes its headwords: lower case, one space between words. */
    private static String asWritten(String phrase) {
        StringBuilder written = new StringBuilder(phrase.length());
        boolean space = false;
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && !written.isEmpty()) {
                    written.append(' ');
                }
                space = false;
                written.append(Character.toLowerCase(c));
            }
        }
        return written.toString();
    }

    private List<String> rankTranslations(String stems, String surface) {
        List<Translation> own = taxonomyPhrases.getOrDefault(stems, List.of());
        List<Translation> cedict = Cedict.PHRASES.getOrDefault(stems, List.of());
        List<Translation> ecdict = new ArrayList<>();
        if (!analysis.isEnglishGeneric(stems)) {
            List<String> chinese = englishChinese.translationsOf(surface);
            for (int sense = 0; sense < chinese.size(); sense++) {
                ecdict.add(new Translation(chinese.get(sense), surface, sense, false));
            }
        }
        Set<String> words = new LinkedHashSet<>();
        own.forEach(translation -> words.add(translation.word()));
        Stream.concat(cedict.stream(), ecdict.stream())
                .sorted(Comparator.<Translation>comparingInt(t -> distance(t.gloss(), surface))
                .thenComparing(Translation::ofChineseWord, Comparator.reverseOrder())
                .thenComparing(Comparator.<Translation>comparingInt(t -> frequency(t.word())).reversed())
                .thenComparingInt(Translation::sense).thenComparing(Translation::word))
                .forEach(translation -> words.add(translation.word()));
        return words.stream().limit(CHINESE_PER_PHRASE).toList();
    }

    /**
     * How often a word occurs in the corpus smartcn's dictionary was built from (People's Daily), 0 for a word it
     * does not hold whole: the common word is the likely translation.
     */
    private int frequency(String word) {
        return frequencies.computeIfAbsent(word, w -> {
            List<SegToken> tokens = new HHMMSegmenter().process(w);
            // The segmenter frames its path with a start and an end token.
            return tokens.size() == 3 && new String(tokens.get(1).charArray).equals(w) ? tokens.get(1).weight : 0;
        });
    }

    /** Levenshtein distance: how many letters to change to write one as the other. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + change);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    TextAnalysis analysis() {
        return analysis;
    }

    /**
     * The English evidence stems a profile's Chinese words bridge to. A word the dictionary lacks (热失控, glued by
     * the analysis) is translated by the dictionary words it is made of.
     */
    Set<String> englishOf(List<String> chineseWords) {
        Set<String> stems = new LinkedHashSet<>();
        for (String word : chineseWords) {
            stems.addAll(englishOfWord.computeIfAbsent(word, this::translate));
        }
        return stems;
    }

    /** The Chinese words a profile's English phrases bridge to, as the Chinese analysis splits them. */
    Set<String> chineseOf(String text) {
        List<TextAnalysis.EnglishWord> words = analysis.englishWords(text);
        Set<String> chinese = new LinkedHashSet<>();
        for (int i = 0; i < words.size(); i++) {
            StringBuilder key = new StringBuilder();
            for (int j = i; j < Math.min(words.size(), i + LONGEST_PHRASE); j++) {
                if (words.get(j).clause() != words.get(i).clause()) {
                    break;
                }
                if (j > i) {
                    key.append(' ');
                }
                key.append(words.get(j).stem());
                String phrase = text.substring(words.get(i).start(), words.get(j).end());
                for (String translation : translationsOf(key.toString(), phrase)) {
                    chinese.addAll(wordsOfTranslation.computeIfAbsent(translation, analysis::chineseWords));
                }
            }
        }
        return chinese;
    }

    /**
     * A translation as an explanation shows it, and the index terms a profile in the other language holds when it
     * wrote that translation.
     */
    record Gloss(String text, List<String> terms) {
    }

    /** The English glosses of a Chinese word (or of the dictionary words it is made of), the usual sense first. */
    List<Gloss> glossesFor(String chineseWord) {
        List<Gloss> glosses = new ArrayList<>();
        for (String part : translatedWhole(chineseWord) ? List.of(chineseWord) : parts(chineseWord)) {
            for (String gloss : glossesOf(part)) {
                var stems = analysis.englishEvidence(gloss).stream().map(TextAnalysis.EnglishWord::stem).toList();
                if (!stems.isEmpty()) {
                    glosses.add(new Gloss(gloss, stems));
                }
            }
        }
        return glosses;
    }

    /** The Chinese words an English word translates to, the likeliest first. */
    List<Gloss> translationsFor(String englishWord) {
        String stems = analysis.englishWords(englishWord).stream().map(TextAnalysis.EnglishWord::stem)
                .collect(Collectors.joining(" "));
        return translationsOf(stems, englishWord).stream()
                .map(word -> new Gloss(word, wordsOfTranslation.computeIfAbsent(word, analysis::chineseWords)))
                .filter(gloss -> !gloss.terms().isEmpty()).toList();
    }

    private Set<String> translate(String word) {
        Set<String> stems = new LinkedHashSet<>();
        List<String> parts = translatedWhole(word) ? List.of(word) : parts(word);
        for (String part : parts) {
            for (String gloss : glossesOf(part)) {
                analysis.englishEvidence(gloss).forEach(w -> stems.add(w.stem()));
            }
        }
        return Set.copyOf(stems);
    }

    /** The dictionary's longest words a word is made of, left to right; characters it lacks are skipped. */
    private List<String> parts(String word) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < word.length()) {
            int found = 0;
            for (int j = Math.min(word.length(), i + longestWord); j > i; j--) {
                if (isWord(word.substring(i, j))) {
                    found = j;
                    break;
                }
            }
            if (found == 0) {
                i++;
            } else {
                parts.add(word.substring(i, found));
                i = found;
            }
        }
        return parts;
    }

    /** English phrase (its stems) → the Chinese words glossed by it. */
    private static Map<String, List<Translation>> reverse(Map<String, List<String>> glosses, TextAnalysis analysis) {
        Map<String, List<Translation>> byPhrase = new HashMap<>();
        glosses.forEach((word, senses) -> {
            for (int sense = 0; sense < senses.size(); sense++) {
                var stems = analysis.englishWords(senses.get(sense)).stream().map(TextAnalysis.EnglishWord::stem)
                        .toList();
                if (stems.isEmpty() || stems.size() > LONGEST_PHRASE
                        || stems.size() == 1 && analysis.isEnglishGeneric(stems.get(0))) {
                    continue;
                }
                byPhrase.computeIfAbsent(String.join(" ", stems), k -> new ArrayList<>())
                        .add(new Translation(word, senses.get(sense), sense, true));
            }
        });
        byPhrase.replaceAll((phrase, translations) -> List.copyOf(translations));
        return byPhrase;
    }

    /**
     * ECDICT's adaptation ({@code bridge/en-zh.tsv}, ADR 0061): English headwords to their Chinese translations, the
     * most common headwords first. Its half a million lines are held as the file's bytes with two tables of line
     * offsets, found by hash (about 25 MB of heap; as strings and lists they took ten times that), read once per
     * process.
     */
    private static final class Ecdict {

        static final Ecdict LINES = read();
        /** A Chinese word bridges to at most this many of the English words translated by it. */
        private static final int ENGLISH_PER_WORD = 4;
        /** In {@link #byChinese}: the line's headword has this Chinese word as a later, not its first, translation. */
        private static final long LATER = 0x8000_0000L;

        private final byte[] text;
        /** Open addressing by the headword's hash: 1 + the offset of its line, 0 for an empty slot. */
        private final int[] byHeadword;
        /** Sorted: a Chinese word's hash, then {@link #LATER} or 0, then the offset of a line translating to it. */
        private final long[] byChinese;

        private Ecdict(byte[] text, int[] byHeadword, long[] byChinese) {
            this.text = text;
            this.byHeadword = byHeadword;
            this.byChinese = byChinese;
        }

        /** The Chinese translations of an English headword (lower case, words separated by one space). */
        List<String> translationsOf(String headword) {
            int line = lineOf(headword);
            return line < 0 ? List.of() : chineseOf(line);
        }

        /** Whether the dictionary has this headword; nothing is decoded. */
        boolean holds(String headword) {
            return lineOf(headword) >= 0;
        }

        private int lineOf(String headword) {
            int mask = byHeadword.length - 1;
            for (int slot = headword.hashCode() & mask; byHeadword[slot] != 0; slot = (slot + 1) & mask) {
                int line = byHeadword[slot] - 1;
                if (headwordIs(line, headword)) {
                    return line;
                }
            }
            return -1;
        }

        /** Whether some headword translates to this Chinese word. */
        boolean translates(String chinese) {
            return !englishOf(chinese, 1).isEmpty();
        }

        /** The English headwords translated by a Chinese word, those it is the first translation of first. */
        List<String> englishOf(String chinese) {
            return englishOf(chinese, ENGLISH_PER_WORD);
        }

        private List<String> englishOf(String chinese, int limit) {
            long hash = (long) chinese.hashCode() << 32;
            int i = Arrays.binarySearch(byChinese, hash);
            List<String> english = new ArrayList<>();
            for (int at = i < 0 ? -i - 1 : i; at < byChinese.length && (byChinese[at] & 0xFFFF_FFFF_0000_0000L) == hash
                    && english.size() < limit; at++) {
                int line = (int) (byChinese[at] & 0x7FFF_FFFF);
                if (chineseOf(line).contains(chinese)) {
                    english.add(headwordAt(line));
                }
            }
            return english;
        }

        private boolean headwordIs(int line, String headword) {
            for (int i = 0; i < headword.length(); i++) {
                if (text[line + i] != headword.charAt(i)) {
                    return false;
                }
            }
            return text[line + headword.length()] == '\t';
        }

        private String headwordAt(int line) {
            int tab = line;
            while (text[tab] != '\t') {
                tab++;
            }
            return new String(text, line, tab - line, StandardCharsets.US_ASCII);
        }

        private List<String> chineseOf(int line) {
            int from = line;
            while (text[from] != '\t') {
                from++;
            }
            int to = ++from;
            while (to < text.length && text[to] != '\n') {
                to++;
            }
            return List.of(new String(text, from, to - from, StandardCharsets.UTF_8).split("\\|"));
        }

        private static Ecdict read() {
            byte[] text;
            try (var in = Objects.requireNonNull(Bridge.class.getResourceAsStream("/bridge/en-zh.tsv"),
                    "bridge/en-zh.tsv is missing")) {
                text = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<Integer> starts = new ArrayList<>(500_000);
            for (int at = 0; at < text.length; ) {
                int end = at;
                while (end < text.length && text[end] != '\n') {
                    end++;
                }
                if (end > at && text[at] != '#') {
                    starts.add(at);
                }
                at = end + 1;
            }
            int[] byHeadword = new int[Integer.highestOneBit(Math.max(2, starts.size() * 2 - 1)) << 1];
            int mask = byHeadword.length - 1;
            long[] byChinese = new long[starts.size() * 4];
            int pairs = 0;
            var lines = new Ecdict(text, byHeadword, byChinese);
            for (int line : starts) {
                int hash = 0;
                int tab = line;
                for (; text[tab] != '\t'; tab++) {
                    hash = 31 * hash + text[tab];
                }
                int slot = hash & mask;
                while (byHeadword[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                byHeadword[slot] = line + 1;
                List<String> chinese = lines.chineseOf(line);
                for (int i = 0; i < chinese.size(); i++) {
                    byChinese[pairs++] = (long) chinese.get(i).hashCode() << 32 | (i == 0 ? 0 : LATER) | line;
                }
            }
            long[] sorted = Arrays.copyOf(byChinese, pairs);
            Arrays.sort(sorted);
            return new Ecdict(text, byHeadword, sorted);
        }
    }

    /** CC-CEDICT's adaptation, read once per process. */
    private static final class Cedict {

        static final Map<String, List<String>> GLOSSES = read();
        static final int LONGEST_WORD = GLOSSES.keySet().stream().mapToInt(String::length).max().orElse(2);
        static final Map<String, List<Translation>> PHRASES = reverse(GLOSSES,
                new TextAnalysis(GLOSSES::containsKey, LONGEST_WORD, Set.of()));

        private static Map<String, List<String>> read() {
            var in = Objects.requireNonNull(Bridge.class.getResourceAsStream("/bridge/zh-en.tsv"),
                    "bridge/zh-en.tsv is missing");
            Map<String, List<String>> glosses = new HashMap<>(100_000);
            try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    int tab = line.indexOf('\t');
                    glosses.put(line.substring(0, tab), List.of(line.substring(tab + 1).split("\\|")));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.copyOf(glosses);
        }
    }
}
