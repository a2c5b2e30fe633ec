package cn.innovationchina.matching.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
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
 * How a text becomes the words that count as evidence (ADR 0035), the same for a profile and a demand:
 * <ul>
 * <li><b>Chinese</b>: smartcn's HMM segmentation, then the runs of single characters it leaves where its news
 * dictionary lacks a technical word (储 能, 液 冷 板, 电 堆) are rebuilt: the bridge dictionary's words first (液冷),
 * then characters left next to each other form one word (电堆), and a character left alone is joined to the word
 * before and the word after it (电池 包 → 电池包, 热 管理 → 热管理). The taxonomy's Chinese terms are words
 * wherever they are written, however smartcn splits them (冷热 管理 still holds 热管理). Single characters,
 * function characters and domain-generic words (技术, 研究, 系统 ...) are never words.</li>
 * <li><b>English</b>: standard tokenizer (Latin and digits), possessives, lower case, stop words, Porter stems;
 * domain-generic stems (technology, system, research ...) are dropped from the evidence but kept in the phrases the
 * bridge looks up ("battery management system").</li>
 * </ul>
 */
final class TextAnalysis {

    /** An English word as written (lower case), its stem, where it stands and which clause of the text holds it. */
    record EnglishWord(String surface, String stem, int start, int end, int clause) {
    }

    /** Characters that join or relate words rather than name things: they end a run, and are never glued. */
    private static final Set<Integer> FUNCTION_CHARACTERS = codePoints(
            "的地得了着过与和及或并而且但在为对以于从自向由被把将让使给跟比是有也就都还又再很更最已均即若其之此这那该每各某所"
            + "一二三四五六七八九十百千万亿两几个位名项次种等不无非只做我你他她它们吗呢吧啊至约近余年月日号第");

    /** Words every profile and demand could contain: saying them is no evidence of a speciality. */
    static final Set<String> CHINESE_GENERIC = Set.of("技术", "研究", "系统", "方法", "应用", "开发", "提供", "服务",
            "企业", "项目", "公司", "问题", "需求", "解决", "实现", "提高", "提升", "降低", "相关", "领域", "行业", "能力",
            "经验", "合作", "支持", "产品", "工作", "主要", "基于", "进行", "采用", "利用", "通过", "包括", "以及", "具有",
            "国家", "重点", "国内", "国际", "一种", "目前", "多年", "长期", "从事", "负责", "参与", "主持", "教授", "研究员",
            "工程师", "博士", "大学", "学院", "研究所", "中心", "有限公司", "科技", "方案", "能够", "可以", "需要", "希望",
            "要求", "实际", "现有", "已经", "同时", "其中", "以上", "以下", "以内", "左右", "超过", "达到", "不同", "多个",
            "各种", "一些", "这些", "我们", "用于", "对于", "关于", "根据", "并且", "或者", "而且", "但是", "因此", "所以",
            "如果", "成果", "目标", "提出", "建立", "形成", "完成", "开展", "推动", "促进", "加强", "创新", "科研", "团队",
            "专家", "平台", "产业", "发展", "建设", "新型", "先进", "高效", "关键", "核心", "专业", "客户", "市场", "生产",
            "工程", "科学", "技术服务", "研发", "合作方", "单位", "机构", "有限", "股份", "集团", "省级", "市级", "课题",
            "计划", "专项", "示范", "成本", "效率", "质量", "性能", "水平", "方向", "内容", "情况", "过程", "方式", "实验室",
            "副教授", "高级工程师", "总工程师", "总监", "主任", "院士", "学者", "论文", "专利", "奖", "获得", "一等奖",
            "二等奖", "多家", "一体", "整体", "全面", "有效", "显著", "大量", "持续", "稳定", "使用");

    /** English words that say nothing of a speciality; compared as stems. */
    private static final List<String> ENGLISH_GENERIC_WORDS = List.of("technology", "technologies", "technological",
            "technical", "technique", "techniques", "system", "systems", "method", "methods", "methodology", "research",
            "researcher", "researchers", "development", "developing", "develop", "developed", "application",
            "applications", "applied", "service", "services", "company", "companies", "enterprise", "enterprises",
            "project", "projects", "solution", "solutions", "problem", "problems", "based", "using", "use", "used",
            "provide", "provides", "providing", "support", "supports", "key", "new", "novel", "high", "low", "improve",
            "improved", "improvement", "study", "studies", "work", "works", "working", "experience", "year", "years",
            "professor", "associate", "assistant", "senior", "principal", "lead", "leader", "doctor", "dr", "prof",
            "phd", "university", "college", "school", "institute", "institution", "laboratory", "lab", "center",
            "centre", "department", "engineer", "engineers", "china", "chinese", "national", "provincial", "province",
            "city", "award", "paper", "papers", "patent", "patents", "field", "fields", "industry", "industries",
            "product", "products", "including", "include", "includes", "various", "multiple", "related", "relevant",
            "main", "major", "level", "levels", "also", "well", "within", "over", "more", "most", "can", "need",
            "needs", "require", "requires", "requirement", "requirements", "demand", "demands", "target", "targets",
            "outcome", "outcomes", "goal", "goals", "achieve", "result", "results", "first", "one", "two", "three",
            "team", "teams", "expert", "experts", "customer", "customers", "client", "clients", "market", "cost",
            "costs", "efficiency", "quality", "performance", "advanced", "efficient", "innovation", "innovative",
            "program", "programme", "plan", "member", "group", "co", "ltd", "inc", "limited", "from", "its", "his",
            "her", "our", "we", "has", "have", "had", "which", "who", "how", "why", "what", "than", "up", "out", "all",
            "any", "each", "other", "many", "several", "mainly", "end", "go", "etc");

    private final Predicate<String> dictionaryWord;
    private final int longestWord;
    private final Set<String> terms;
    /** Every beginning of a term: a scan for terms stops as soon as the text stops being one. */
    private final Set<String> termBeginnings;
    private final Set<String> englishGeneric;
    private final Analyzer english = new English();
    private final Analyzer chinese = new Chinese();

    /**
     * @param dictionaryWord whether a string of Han characters is a word of the bridge dictionary
     * @param longestWord the longest such word, in characters
     * @param terms the Chinese terms found wherever they are written (the taxonomy's)
     */
    TextAnalysis(Predicate<String> dictionaryWord, int longestWord, Set<String> terms) {
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
        Set<String> stems = new HashSet<>();
        for (String word : ENGLISH_GENERIC_WORDS) {
            englishWords(word).forEach(w -> stems.add(w.stem()));
        }
        this.englishGeneric = Set.copyOf(stems);
    }

    /** The Chinese words of a text that count as evidence, in order (repeats kept). */
    List<String> chineseWords(String text) {
        List<String> words = new ArrayList<>();
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

    private static Set<Integer> codePoints(String characters) {
        Set<Integer> set = new HashSet<>();
        characters.codePoints().forEach(set::add);
        return Set.copyOf(set);
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

    private final class Chinese extends Analyzer {

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new HMMChineseTokenizer();
            TokenStream tokens = new RebuiltWords(source);
            tokens = new StopFilter(tokens, new CharArraySet(CHINESE_GENERIC, false));
            return new TokenStreamComponents(source, tokens);
        }
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
                boolean joins = isHan(token) && !isFunction(token) && offset.startOffset() == lastEnd;
                if (!joins) {
                    emit(run, out);
                    run.clear();
                }
                if (isHan(token) && !isFunction(token)) {
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
            return !neighbour.single() && !CHINESE_GENERIC.contains(neighbour.text());
        }

        private static boolean isFunction(String token) {
            return token.codePointCount(0, token.length()) == 1 && FUNCTION_CHARACTERS.contains(token.codePointAt(0));
        }
    }

    static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    static boolean isHan(String token) {
        if (token.isEmpty()) {
            return false;
        }
        for (int i = 0; i < token.length(); ) {
            int c = token.codePointAt(i);
            if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
