package cn.innovationchina.demand.domain;

import java.time.LocalDate;

import cn.innovationchina.events.BudgetRange;
import cn.innovationchina.events.DemandContent;
import cn.innovationchina.platform.problem.InvalidInput;
import cn.innovationchina.reference.FieldTaxonomy;
import cn.innovationchina.reference.PilotCities;
import cn.innovationchina.reference.PilotCity;

/** The rules on a demand's content that need reference data or more than one field. */
public final class DemandRules {

    private final FieldTaxonomy fields;
    private final PilotCities cities;

    public DemandRules(FieldTaxonomy fields, PilotCities cities) {
        this.fields = fields;
        this.cities = cities;
    }

    public void check(String cityCode, DemandContent content, LocalDate today) {
        if (cities.find(cityCode).isEmpty()) {
            throw new InvalidInput("cityCode", "is not a pilot city");
        }
        for (String code : content.fieldCodes()) {
            if (!fields.isKnown(code)) {
                throw new InvalidInput("fieldCodes", code + " is not a field of the taxonomy (an area or a leaf)");
            }
        }
        BudgetRange budget = content.budget();
        if (budget != null && budget.minCny() != null && budget.maxCny() != null
                && budget.minCny() > budget.maxCny()) {
            throw new InvalidInput("budget", "minCny must not exceed maxCny");
        }
        checkDeadline(content.deadline(), today);
    }

    public boolean reviewRequired(String cityCode) {
        return cities.find(cityCode).map(PilotCity::reviewRequired).orElse(true);
    }

    static void checkDeadline(LocalDate deadline, LocalDate today) {
        if (!deadline.isAfter(today)) {
            throw new InvalidInput("deadline", "must be in the future");
        }
    }
}
