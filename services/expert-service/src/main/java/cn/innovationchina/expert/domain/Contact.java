package cn.innovationchina.expert.domain;

import org.jspecify.annotations.Nullable;

/** Private: shown only to the provider itself and administrators, never in an event or a public view. */
public record Contact(@Nullable String email, @Nullable String phone) {

    public static final Contact NONE = new Contact(null, null);

    public boolean isEmpty() {
        return email == null && phone == null;
    }
}
