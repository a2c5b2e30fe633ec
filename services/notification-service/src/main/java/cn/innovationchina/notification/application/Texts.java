package cn.innovationchina.notification.application;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import cn.innovationchina.events.Refusal;
import cn.innovationchina.notification.domain.Language;
import cn.innovationchina.notification.domain.Notice;
import cn.innovationchina.notification.domain.Phrase;
import cn.innovationchina.notification.domain.UnmatchedReason;
import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.reference.TechnologyField;

/**
 * Renders a notice from the templates in {@code notifications/texts_<language>.properties}: one title and one body per
 * notification type, filled in by position with the notice's phrases, each said in the same language first. Fields
 * are named by the taxonomy's name in that language; the users' own words (titles, names, reasons, matched terms) are
 * shown as written (ADR 0039).
 */
@Component
public class Texts {

    /** As many shared terms as a reader takes in at a glance; matching's own summary shows as many. */
    private static final int TERMS_SHOWN = 5;

    private final ResourceBundleMessageSource templates = new ResourceBundleMessageSource();
    private final FieldTaxonomy fields;

    Texts(FieldTaxonomy fields) {
        this.fields = fields;
        templates.setBasename("notifications/texts");
        templates.setDefaultEncoding(StandardCharsets.UTF_8.name());
        // A missing template must fail loudly, never fall back to the server's locale.
        templates.setFallbackToSystemLocale(false);
        // Every template is a MessageFormat pattern, with arguments or without, so quotes read the same in all.
        templates.setAlwaysUseMessageFormat(true);
    }

    public Text render(Notice notice, Language language) {
        Object[] arguments = notice.arguments().stream().map(phrase -> say(phrase, language)).toArray();
        String type = notice.type().name();
        return new Text(say(type + ".title", language, arguments), say(type + ".body", language, arguments));
    }

    private Object say(Phrase phrase, Language language) {
        if (phrase instanceof Phrase.Demand demand) {
            return named(demand.title()).map(title -> say("phrase.demand.named", language, title))
                    .orElseGet(() -> say("phrase.demand.unknown", language));
        }
        if (phrase instanceof Phrase.Provider provider) {
            return named(provider.name()).orElseGet(() -> say("phrase.provider.unknown", language));
        }
        if (phrase instanceof Phrase.Verbatim verbatim) {
            return verbatim.words();
        }
        if (phrase instanceof Phrase.Count count) {
            return count.value();
        }
        if (phrase instanceof Phrase.Day day) {
            return DateTimeFormatter.ofPattern(say("date.pattern", language), language.locale()).format(day.date());
        }
        if (phrase instanceof Phrase.Amount amount) {
            return say("amount", language, amount.cny());
        }
        if (phrase instanceof Phrase.Mode mode) {
            return say("mode." + mode.mode().name(), language);
        }
        if (phrase instanceof Phrase.Declined declined) {
            String reason = say("declined." + declined.reason().name(), language);
            return named(declined.note()).map(note -> say("declined.withNote", language, reason, note))
                    .orElse(reason);
        }
        if (phrase instanceof Phrase.Why why) {
            return why(why, language);
        }
        if (phrase instanceof Phrase.Unmatched unmatched) {
            return unmatched(unmatched.reason(), language);
        }
        throw new IllegalArgumentException("No words for " + phrase);
    }

    private String why(Phrase.Why why, Language language) {
        List<String> parts = new ArrayList<>();
        if (!why.terms().isEmpty()) {
            parts.add(say("why.terms", language, list(why.terms().stream().limit(TERMS_SHOWN).toList(), language)));
        }
        List<String> fieldNames = why.fieldCodes().stream().map(fields::find).flatMap(Optional::stream)
                .map(field -> nameOf(field, language)).distinct().toList();
        if (!fieldNames.isEmpty()) {
            parts.add(say("why.fields", language, list(fieldNames, language), fieldNames.size()));
        }
        parts.add(say("why.location." + why.location().name(), language));
        parts.add(say("why.capacity", language, why.freeCapacity()));
        return String.join(say("why.separator", language), parts);
    }

    private String unmatched(UnmatchedReason reason, Language language) {
        String key = "unmatched." + reason.kind().name();
        if (reason.kind() == UnmatchedReason.Kind.NOBODY_QUALIFIED) {
            List<String> refusals = new ArrayList<>();
            for (Map.Entry<Refusal, Integer> refused : reason.refusals().entrySet()) {
                refusals.add(say("unmatched.refusal." + refused.getKey().name(), language, refused.getValue()));
            }
            if (reason.otherRefusals() > 0) {
                refusals.add(say("unmatched.refusal.OTHER", language, reason.otherRefusals()));
            }
            return say(key, language, list(refusals, language));
        }
        return say(key, language, reason.sentence());
    }

    private String list(List<String> items, Language language) {
        return String.join(say("list.separator", language), items);
    }

    private static String nameOf(TechnologyField field, Language language) {
        return language == Language.EN ? field.nameEn() : field.nameZh();
    }

    private static Optional<String> named(String name) {
        return Optional.ofNullable(name).map(String::strip).filter(given -> !given.isEmpty());
    }

    private String say(String key, Language language, Object... arguments) {
        return templates.getMessage(key, arguments, language.locale());
    }

    public record Text(String title, String body) {
    }
}
