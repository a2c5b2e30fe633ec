package cn.innovationchina.monitoring.web;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.monitoring.application.CityReports.CityReport;
import cn.innovationchina.monitoring.domain.Figures;

/** One row per period, then the total over the whole range. */
final class ReportCsv {

    static final String HEADER = "row,city,city_name,period_start,period_end,demands_submitted,demands_published,"
            + "demands_rejected,demands_closed,demands_expired,demands_withdrawn,proposals,shortlists,invitations,"
            + "acceptances,acceptance_rate,dockings,contracts_signed,contract_value_total_cny,"
            + "median_contract_value_cny,median_hours_to_first_proposal,median_hours_to_first_acceptance,"
            + "median_hours_to_docking,cross_region_proposals,cross_region_contracts";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ReportCsv() {
    }

    static byte[] of(CityReport report) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        report.periods().forEach(period -> lines.add(row("period", report, period.start(), period.end(),
                period.figures())));
        lines.add(row("total", report, report.range().from(), report.range().to(), report.total()));
        var out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes((String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String row(String kind, CityReport report, LocalDate start, LocalDate end, Figures f) {
        List<Object> cells = List.of(kind, report.city().code(), report.city().nameZh(), start, end,
                f.demandsSubmitted(), f.demandsPublished(), f.demandsRejected(), f.demandsClosed(),
                f.demandsExpired(), f.demandsWithdrawn(), f.proposals(), f.shortlists(), f.invitations(),
                f.acceptances(), number(f.acceptanceRate()), f.dockings(), f.contractsSigned(),
                f.contractValueTotalCny(), number(f.medianContractValueCny()),
                number(f.medianHoursToFirstProposal()), number(f.medianHoursToFirstAcceptance()),
                number(f.medianHoursToDocking()), f.crossRegionProposals(), f.crossRegionContracts());
        return cells.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Empty when there is nothing to measure; no trailing zeros, so 400000.0 reads 400000. */
    private static String number(@Nullable Double value) {
        return value == null ? "" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
