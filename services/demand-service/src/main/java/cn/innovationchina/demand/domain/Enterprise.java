package cn.innovationchina.demand.domain;

import java.time.Instant;

import cn.innovationchina.events.EnterpriseRef;
import cn.innovationchina.platform.problem.InvalidInput;
import cn.innovationchina.reference.PilotCities;

/**
 * An organisation that posts demands. Its id is the organisation id its users' tokens carry, so every user of
 * one enterprise shares its demands.
 */
public record Enterprise(String id, String name, CreditCode creditCode, String cityCode, String industry,
        EnterpriseSize size, Instant registeredAt) {

    public static Enterprise register(String organisationId, String name, CreditCode creditCode, String cityCode,
            String industry, EnterpriseSize size, PilotCities cities, Instant now) {
        if (cities.find(cityCode).isEmpty()) {
            throw new InvalidInput("cityCode", "is not a pilot city");
        }
        return new Enterprise(organisationId, name, creditCode, cityCode, industry, size, now);
    }

    /** What events say about the enterprise behind a demand: no contact data. */
    public EnterpriseRef ref() {
        return new EnterpriseRef(id, name, creditCode.value());
    }
}
