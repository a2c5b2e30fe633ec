package cn.innovationchina.events;

/** The enterprise behind a demand: enough for conflict-of-interest checks, no contact data. */
public record EnterpriseRef(String enterpriseId, String name, String creditCode) {
}
