package cn.innovationchina.events;

import java.util.List;

/**
 * Events of the PilotCity aggregate (the pilot-city list the platform administrator keeps), on
 * {@link Topics#DEMAND_EVENTS}, keyed by the city code. Each carries the city's whole state after the decision, so a
 * consumer never needs the previous one.
 */
public sealed interface PilotCityEvent extends DomainEvent permits PilotCityDesignated, PilotCityChanged {

    String cityCode();

    String nameZh();

    String nameEn();

    /** The GB/T 2260 prefecture-level division the city lies in. */
    String divisionCode();

    /** The programme batch that designated the city (1 = the first). */
    int batch();

    /** Whether its administrators review demands before they are published. */
    boolean reviewRequired();

    /** The user names (token subjects) of its city administrators. */
    List<String> administrators();
}
