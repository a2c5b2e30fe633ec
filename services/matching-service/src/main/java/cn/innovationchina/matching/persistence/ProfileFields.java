package cn.innovationchina.matching.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

import cn.innovationchina.events.Achievement;
import cn.innovationchina.events.Availability;
import cn.innovationchina.matching.domain.Provider;
import cn.innovationchina.reference.FieldTaxonomy;

/**
 * The fields of the {@link ProviderIndex} and how a provider's profile is written to them: its words in Chinese and
 * in English, beside them the words the bilingual {@link Bridge} translates them to, and the keyword fields a search
 * can be narrowed by (field codes, field areas, kind, city, cooperation modes, and whether it is open to proposals).
 */
final class ProfileFields {

    static final String ID = "id";
    static final String FIELD = "field";
    static final String AREA = "area";
    static final String KIND = "kind";
    static final String CITY = "city";
    static final String MODE = "mode";
    static final String OPEN = "open";
    static final String CHINESE = "text_zh";
    static final String ENGLISH = "text_en";
    static final String BRIDGED_CHINESE = "bridge_zh";
    static final String BRIDGED_ENGLISH = "bridge_en";
    /** Words only, for this index and the {@link OpenDemandIndex}. */
    static final FieldType WORDS = wordsField();

    private final FieldTaxonomy taxonomy;
    private final Bridge bridge;
    private final TextAnalysis analysis;

    ProfileFields(FieldTaxonomy taxonomy, Bridge bridge) {
        this.taxonomy = taxonomy;
        this.bridge = bridge;
        this.analysis = bridge.analysis();
    }

    /** Text fields arrive analysed ({@link TextAnalysis}, {@link Bridge}): the index only splits them at spaces. */
    static Analyzer analyzer() {
        Analyzer words = new WhitespaceAnalyzer();
        Map<String, Analyzer> analyzers = Map.of(CHINESE, words, ENGLISH, words, BRIDGED_CHINESE, words,
                BRIDGED_ENGLISH, words);
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), analyzers);
    }

    /**
     * A profile's words as the index holds them: its Chinese words and English stems, and the words the bridge
     * translates them to (Chinese for the English, English stems for the Chinese).
     */
    record ProfileWords(long version, List<String> chinese, List<String> english, Set<String> bridgedChinese,
            Set<String> bridgedEnglish) {
    }

    ProfileWords words(Provider provider) {
        var profile = provider.profile();
        List<String> texts = new ArrayList<>();
        if (profile.title() != null) {
            texts.add(profile.title());
        }
        texts.addAll(profile.skills());
        texts.addAll(profile.keywords());
        texts.add(profile.summary());
        profile.achievements().stream().map(Achievement::title).forEach(texts::add);
        String text = analysis.standardForm(String.join("\n", texts));
        List<String> chinese = analysis.chineseWords(text);
        List<String> english = analysis.englishEvidence(text).stream().map(TextAnalysis.EnglishWord::stem).toList();
        return new ProfileWords(provider.version(), chinese, english, bridge.chineseOf(text),
                bridge.englishOf(chinese));
    }

    Document document(Provider provider, ProfileWords words) {
        var profile = provider.profile();
        var doc = new Document();
        doc.add(new StringField(ID, provider.id(), Field.Store.NO));
        doc.add(new BinaryDocValuesField(ID, new BytesRef(provider.id())));
        doc.add(new Field(CHINESE, String.join(" ", words.chinese()), WORDS));
        doc.add(new Field(ENGLISH, String.join(" ", words.english()), WORDS));
        doc.add(new Field(BRIDGED_CHINESE, String.join(" ", words.bridgedChinese()), WORDS));
        doc.add(new Field(BRIDGED_ENGLISH, String.join(" ", words.bridgedEnglish()), WORDS));
        for (String code : profile.fieldCodes()) {
            doc.add(new StringField(FIELD, code, Field.Store.NO));
            taxonomy.areaOf(code)
                    .ifPresent(area -> doc.add(new StringField(AREA, area, Field.Store.NO)));
        }
        doc.add(new StringField(KIND, profile.kind().name(), Field.Store.NO));
        if (profile.cityCode() != null) {
            doc.add(new StringField(CITY, profile.cityCode(), Field.Store.NO));
        }
        profile.services().forEach(mode -> doc.add(new StringField(MODE, mode.name(), Field.Store.NO)));
        boolean open = provider.active() && profile.availability() == Availability.AVAILABLE;
        doc.add(new StringField(OPEN, open ? "yes" : "no", Field.Store.NO));
        return doc;
    }

    /** Words only: which profiles have a word is all a search reads (no positions, frequencies or norms). */
    private static FieldType wordsField() {
        var type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(IndexOptions.DOCS);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }
}
