package cn.innovationchina.demand.domain;

/** The statistical size classes of Chinese enterprises. */
public enum EnterpriseSize {
    MICRO,
    SMALL,
    MEDIUM,
    LARGE
}
