package cn.innovationchina.notification.domain;

import java.util.List;

/** One thing to tell one recipient: the type picks the texts, the arguments fill them in template order. */
public record Notice(Recipient recipient, NotificationType type, List<String> arguments) {

    public Notice {
        arguments = List.copyOf(arguments);
    }
}
