package cn.innovationchina.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import cn.innovationchina.testkit.quality.Exclusion;
import cn.innovationchina.testkit.quality.QualityFigures;

/** The lines of a set's report that explain its {@code quality:} line. */
final class QualityReport {

    private QualityReport() {
    }

    static List<String> lines(QualityFigures figures, double weakBelow) {
        List<String> lines = new ArrayList<>();
        lines.add("violations by kind: " + figures.violationsByKind().entrySet().stream()
                .map(e -> e.getKey().label() + "=" + e.getValue()).collect(Collectors.joining(" ")));
        figures.violations().forEach(v -> lines.add(String.format(Locale.ROOT, "  violation: %s #%d %s (%s)",
                v.proposed().demandId(), v.proposed().rank(), v.proposed().label(),
                v.exclusions().stream().map(Exclusion::label).collect(Collectors.joining(", ")))));
        lines.add(String.format(Locale.ROOT, "eligible grade-3 pairs in the top 10: within one language %d/%d, "
                + "across languages %d/%d", figures.gradeThreeSameLanguage().found(),
                figures.gradeThreeSameLanguage().of(), figures.gradeThreeCrossLanguage().found(),
                figures.gradeThreeCrossLanguage().of()));
        figures.gradeZeroInTopThree().forEach(p -> lines.add(String.format(Locale.ROOT,
                "  grade 0 in a top 3: %s #%d %s", p.demandId(), p.rank(), p.label())));
        figures.perDemand().values().stream().filter(d -> !d.ranked()).forEach(d -> lines.add(
                "  no match list within the patience: " + d.demandId()));
        figures.weak(weakBelow).forEach(d -> lines.add(String.format(Locale.ROOT, "  weak: %s ndcg@10=%.3f top5=%s",
                d.demandId(), d.ndcgAt10(), d.topFive().stream().map(QualityFigures.Proposed::label).toList())));
        return lines;
    }
}
