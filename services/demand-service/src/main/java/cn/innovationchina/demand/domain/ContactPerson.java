package cn.innovationchina.demand.domain;

/** Who to call about a demand. Never public, never on the bus, never shown to experts by this service. */
public record ContactPerson(String name, String phone, String email) {
}
