package cn.innovationchina.demand.domain;

import java.time.LocalDate;

import cn.innovationchina.events.BudgetRange;
import cn.innovationchina.events.DemandContent;
import cn.innovationchina.platform.problem.InvalidInput;
import cn.innovationchina.reference.FieldTaxonomy;

/** The rules on a demand's content that need reference data or more than one field. */
public final class DemandRules {

    public static final int MAX_YEARS_OPEN = 10;

    private final FieldTaxonomy fields;

    public DemandRules(FieldTaxonomy fields) {
        this.fields = fields;
    }

    public void check(DemandContent content, LocalDate today) {
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

    /**
     * A demand waits for providers for at most {@value #MAX_YEARS_OPEN} years: a need further off is no demand to
     * match yet, and a date beyond any calendar the store keeps must not reach it.
     */
    static void checkDeadline(LocalDate deadline, LocalDate today) {
        if (!deadline.isAfter(today)) {
            throw new InvalidInput("deadline", "must be in the future");
        }
        if (deadline.isAfter(today.plusYears(MAX_YEARS_OPEN))) {
            throw new InvalidInput("deadline", "must be at most " + MAX_YEARS_OPEN + " years from today");
        }
    }
}
