package cn.innovationchina.testkit.fuzz;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The values a fuzzed request is made of, all drawn from one seeded random source so a run can be repeated: texts of
 * any code point and length (edge lengths more often), longs (their edges more often), and the inputs that broke
 * this platform or platforms like it (NUL, bidi overrides, encoded dots, operators of MongoDB's query language,
 * numbers beyond a long). Every string carries the request's canary, so a refused request's text found later in a
 * database proves that something of it was stored.
 */
final class HostileValues {

    private static final int MAX_TEXT = 300;
    private static final List<Long> EDGE_LONGS = List.of(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE,
            (long) Integer.MAX_VALUE + 1, (long) Integer.MIN_VALUE - 1);
    /** Code point ranges a text is drawn from: controls, ASCII, Latin, bidi and zero-width marks, CJK, astral. */
    private static final int[][] CODE_POINTS = {{0x00, 0x1F}, {0x20, 0x7E}, {0xA0, 0x24F}, {0x200B, 0x202E},
            {0x4E00, 0x9FFF}, {0xD800, 0xDFFF}, {0xFFF0, 0xFFFF}, {0x1F300, 0x1F6FF}, {0x20000, 0x2A6DF}};
    private static final String WORD_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** Texts that are not what a field expects, each known to have broken some parser, store or page. */
    static final List<String> HOSTILE_TEXTS = List.of("", " ", "\u0000", "a\u0000b", "\u202Eevil", "\u200B",
            "../../etc/passwd", "%2e%2e%2f", "%00", "<script>alert(1)</script>", "' OR '1'='1", "{\"$gt\":\"\"}",
            "$where", "\uD800", "\uFFFF", "null", "NaN", "-1", "9".repeat(40), "𠜎𠜱𠝹", "技术需求\t\r\n",
            "http://127.1/", "file:///etc/passwd", "a".repeat(5_000));

    /**
     * Dates a date parser reads but a store, a period or a clock may not: the ends of {@code LocalDate}, beyond
     * what a BSON date or a SQL timestamp holds, year zero, and days that exist only in some calendars.
     */
    static final List<String> HOSTILE_DATES = List.of("+999999999-12-31", "-999999999-01-01", "+10000-01-01",
            "0000-01-01", "1900-01-01", "9999-12-31", "2024-02-29", "2026-02-29", "2026-13-01");

    /** Texts a free-text query parameter is swept with, one request each, on every operation that takes one. */
    static final List<String> HOSTILE_QUERY_TEXTS = List.of("\u0000", "a\u0000b", "\u202Eevil", "\u0007", "\uD800",
            "{\"$gt\":\"\"}", "$where", "[", "(?i)", "\\", ".*", "*", "%00", "a".repeat(3_000));

    /** Numbers at and beyond the edges of every Java number type, and numbers written as other JSON types. */
    static final List<Object> HOSTILE_NUMBERS = List.of(0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE,
            Long.MAX_VALUE, Long.MIN_VALUE, new BigDecimal("1e400"), new BigDecimal("99999999999999999999999"), 1.5,
            -0.0, "1", "", true);

    private final Random random;

    HostileValues(Random random) {
        this.random = random;
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    int below(int bound) {
        return random.nextInt(bound);
    }

    /** A text a user could have written, with the canary inside. */
    String plausibleText(String canary) {
        StringBuilder word = new StringBuilder();
        int length = 1 + random.nextInt(30);
        for (int i = 0; i < length; i++) {
            word.append(WORD_CHARACTERS.charAt(random.nextInt(WORD_CHARACTERS.length())));
        }
        return word + " " + canary;
    }

    /** Any code points, lone surrogates included; empty, one and the longest length come often. */
    private String generatedText() {
        int length = switch (random.nextInt(10)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> MAX_TEXT;
            default -> random.nextInt(MAX_TEXT);
        };
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int[] range = CODE_POINTS[random.nextInt(CODE_POINTS.length)];
            text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
        }
        return text.toString();
    }

    /** Any text: generated (any code point, any length to 300) or one of the known hostile ones. */
    String anyText(String canary) {
        String text = chance(50) ? generatedText() : pick(HOSTILE_TEXTS);
        return chance(80) ? canary + text : text;
    }

    Object anyNumber() {
        if (chance(50)) {
            return chance(30) ? pick(EDGE_LONGS) : random.nextLong();
        }
        return pick(HOSTILE_NUMBERS);
    }

    /** A value of a JSON type chosen at random, for a field that expects another. */
    Object anyJson(String canary) {
        return switch (random.nextInt(6)) {
            case 0 -> anyText(canary);
            case 1 -> anyNumber();
            case 2 -> random.nextBoolean();
            case 3 -> List.of(anyText(canary));
            case 4 -> Map.of("$ne", canary);
            default -> null;
        };
    }
}
