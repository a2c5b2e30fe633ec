package cn.innovationchina.events;

import org.jspecify.annotations.Nullable;

/**
 * The enterprise behind a demand: enough for conflict-of-interest checks and for where it is (its GB/T 2260
 * division, absent only in events written before it existed), no contact data.
 */
public record EnterpriseRef(String enterpriseId, String name, String creditCode, @Nullable String divisionCode) {
}
