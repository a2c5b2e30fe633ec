package cn.innovationchina.gateway.web;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the development login page says beside each demo user: by user id, one line on what that user can try in the
 * demo world the devstack loads; a user without a line gets none.
 */
@ConfigurationProperties("gateway.dev-login")
record DevLoginProperties(Map<String, String> canTry) {

    DevLoginProperties {
        canTry = canTry == null ? Map.of() : Map.copyOf(canTry);
    }
}
