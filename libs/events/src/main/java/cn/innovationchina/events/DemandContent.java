package cn.innovationchina.events;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** What a demand asks for, as matching reads it. The contact person never travels on the bus. */
public record DemandContent(
        String title,
        String background,
        List<String> keyProblems,
        String targetOutcomes,
        List<String> fieldCodes,
        List<String> keywords,
        List<CooperationMode> cooperationModes,
        BudgetRange budget,
        LocalDate deadline,
        Visibility visibility,
        @Nullable String industry) {
}
