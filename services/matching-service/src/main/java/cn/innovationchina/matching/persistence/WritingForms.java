package cn.innovationchina.matching.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The forms of writing that say the same thing, read as one before a text is analysed (ADR 0084): Chinese in
 * traditional characters, as experts in Hong Kong, Macao and Taiwan write it, as simplified; full-width Latin
 * letters and digits (ＬｉＤＡＲ, ５Ｇ) as ASCII. The table is CC-CEDICT's ({@code bridge/zh-hant-hans.tsv}): each
 * traditional character becomes the simplified one it stands for most often, and the words in which that is wrong are
 * listed whole (著名 stays, 顯著 → 显著, and 显著 stays where a line mixes the scripts). A line is read as
 * traditional only if it holds a character that simplified writing never uses (發, 電); a character both scripts
 * write (乾, 著, 於) is converted only within such a line, so that simplified text stays exactly as written. Every
 * form keeps its length: a word's place in a text stays put.
 */
final class WritingForms {

    private static final String TABLE = "/bridge/zh-hant-hans.tsv";
    private static final String SHARED = "shared";
    /** Full-width digits and Latin letters, U+FF10 to U+FF5A; punctuation, full-width or not, separates words alike. */
    private static final char FULL_WIDTH_FIRST = '\uFF10';
    private static final char FULL_WIDTH_LAST = '\uFF5A';
    private static final int FULL_WIDTH_OFFSET = FULL_WIDTH_FIRST - '0';

    private static final WritingForms STANDARD = read();

    /** By character, its simplified form; 0 where it has none. */
    private final char[] simplified;
    /** The characters simplified writing never uses: one of them makes a text traditional. */
    private final BitSet onlyTraditional;
    private final Map<String, String> words;
    private final BitSet wordStarts;
    private final int longestWord;

    private WritingForms(char[] simplified, BitSet onlyTraditional, Map<String, String> words) {
        this.simplified = simplified;
        this.onlyTraditional = onlyTraditional;
        this.words = Map.copyOf(words);
        this.wordStarts = new BitSet(Character.MAX_VALUE + 1);
        words.keySet().forEach(word -> wordStarts.set(word.charAt(0)));
        this.longestWord = words.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    /** The table shipped with the service, read once per process. */
    static WritingForms standard() {
        return STANDARD;
    }

    /** The text in simplified characters and ASCII Latin; the same string where there is nothing to change. */
    String standard(String text) {
        char[] written = null;
        int line = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                written = standardLine(text, line, i, written);
                line = i + 1;
            }
        }
        return written == null ? text : new String(written);
    }

    /**
     * One line of the text, read as traditional only if it holds a character simplified writing never uses: a
     * profile's skills, summary and achievements come one per line, and a title in traditional characters does not
     * make the simplified lines beside it traditional. Answers the text's characters once any has changed.
     */
    private char[] standardLine(String text, int from, int to, char[] written) {
        boolean traditional = false;
        boolean fullWidth = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            traditional |= onlyTraditional.get(c);
            fullWidth |= isFullWidth(c);
        }
        if (!traditional && !fullWidth) {
            return written;
        }
        char[] line = written == null ? text.toCharArray() : written;
        for (int i = from; i < to; i++) {
            char c = line[i];
            if (traditional && wordStarts.get(c)) {
                String word = wordAt(text, i, to);
                if (word != null) {
                    words.get(word).getChars(0, word.length(), line, i);
                    i += word.length() - 1;
                    continue;
                }
            }
            if (traditional && simplified[c] != 0) {
                line[i] = simplified[c];
            } else if (isFullWidth(c)) {
                line[i] = (char) (c - FULL_WIDTH_OFFSET);
            }
        }
        return line;
    }

    /** The longest listed word that starts at {@code at} and ends by {@code end}, or null. */
    private String wordAt(String text, int at, int end) {
        for (int length = Math.min(longestWord, end - at); length >= 2; length--) {
            String candidate = text.substring(at, at + length);
            if (words.containsKey(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean isFullWidth(char c) {
        return c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST && Character.isLetterOrDigit(c);
    }

    private static WritingForms read() {
        char[] simplified = new char[Character.MAX_VALUE + 1];
        BitSet onlyTraditional = new BitSet(Character.MAX_VALUE + 1);
        Map<String, String> words = new HashMap<>();
        var in = Objects.requireNonNull(WritingForms.class.getResourceAsStream(TABLE), TABLE + " is missing");
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                String traditional = columns[0];
                String simple = columns[1];
                if (traditional.length() != simple.length()) {
                    throw new IllegalStateException(TABLE + " changes a length: " + line);
                }
                if (traditional.length() == 1) {
                    simplified[traditional.charAt(0)] = simple.charAt(0);
                    onlyTraditional.set(traditional.charAt(0), columns.length < 3 || !columns[2].equals(SHARED));
                } else {
                    words.put(traditional, simple);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WritingForms(simplified, onlyTraditional, words);
    }
}
