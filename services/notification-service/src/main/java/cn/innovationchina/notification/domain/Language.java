package cn.innovationchina.notification.domain;

import java.util.Locale;

/** The languages texts are written in. Chinese unless the recipient chose English. */
public enum Language {
    ZH(Locale.CHINESE),
    EN(Locale.ENGLISH);

    public static final Language DEFAULT = ZH;

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }
}
