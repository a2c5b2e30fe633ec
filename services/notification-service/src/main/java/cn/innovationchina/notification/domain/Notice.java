package cn.innovationchina.notification.domain;

import java.util.List;

/**
 * One thing to tell one recipient: the type picks the texts, the arguments fill them in template order, each said in
 * the recipient's language.
 */
public record Notice(Recipient recipient, NotificationType type, List<Phrase> arguments) {

    public Notice {
        arguments = List.copyOf(arguments);
    }
}
