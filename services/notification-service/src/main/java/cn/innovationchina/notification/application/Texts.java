package cn.innovationchina.notification.application;

import java.nio.charset.StandardCharsets;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import cn.innovationchina.notification.domain.Language;
import cn.innovationchina.notification.domain.Notice;

/**
 * Renders a notice from the templates in {@code notifications/texts_<language>.properties}: one title and one
 * body per notification type, the notice's arguments filled in by position.
 */
@Component
public class Texts {

    private final ResourceBundleMessageSource templates = new ResourceBundleMessageSource();

    Texts() {
        templates.setBasename("notifications/texts");
        templates.setDefaultEncoding(StandardCharsets.UTF_8.name());
        // A missing template must fail loudly, never fall back to the server's locale.
        templates.setFallbackToSystemLocale(false);
    }

    public Text render(Notice notice, Language language) {
        Object[] arguments = notice.arguments().toArray();
        return new Text(templates.getMessage(notice.type().name() + ".title", arguments, language.locale()),
                templates.getMessage(notice.type().name() + ".body", arguments, language.locale()));
    }

    public record Text(String title, String body) {
    }
}
