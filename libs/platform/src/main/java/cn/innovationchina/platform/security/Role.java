package cn.innovationchina.platform.security;

public enum Role {
    /** Acts for one enterprise (organisationId). */
    ENTERPRISE,
    /** Acts for one provider profile (providerId). */
    EXPERT,
    /** Administers one pilot city (cityCode). */
    CITY_ADMIN,
    /** Sees every city. */
    PLATFORM_ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
