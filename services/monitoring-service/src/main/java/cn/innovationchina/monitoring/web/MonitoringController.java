package cn.innovationchina.monitoring.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.innovationchina.monitoring.application.CityReports;
import cn.innovationchina.monitoring.application.CityReports.CityRank;
import cn.innovationchina.monitoring.application.CityReports.CityReport;
import cn.innovationchina.monitoring.application.CityReports.PeriodFigures;
import cn.innovationchina.monitoring.domain.AttentionItem;
import cn.innovationchina.monitoring.domain.Figures;
import cn.innovationchina.monitoring.domain.PilotCity;
import cn.innovationchina.monitoring.domain.ProviderLoad;
import cn.innovationchina.platform.security.PlatformUser;
import cn.innovationchina.platform.web.LiveConnections;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** City administrators read their city's matchmaking; platform administrators read every city and the ranking. */
@RestController
class MonitoringController {

    private final CityReports reports;
    private final LiveConnections liveConnections;

    MonitoringController(CityReports reports, LiveConnections liveConnections) {
        this.reports = reports;
        this.liveConnections = liveConnections;
    }

    record ReportView(PilotCity city, LocalDate from, LocalDate to, String granularity, Figures total,
            List<PeriodFigures> periods, List<AttentionView> attention, ProviderLoad providers) {

        static ReportView of(CityReport report) {
            return new ReportView(report.city(), report.range().from(), report.range().to(),
                    report.range().granularity().name().toLowerCase(Locale.ROOT), report.total(),
                    report.periods(), report.attention().stream().map(AttentionView::of).toList(),
                    report.providers());
        }
    }

    /** An attention item with the links an administrator follows to act on the demand. */
    record AttentionView(String demandId, String title, LocalDate publishedOn, long ageInDays,
            List<AttentionItem.Reason> reasons, Map<String, String> links) {

        static AttentionView of(AttentionItem item) {
            return new AttentionView(item.demandId(), item.title(), item.publishedOn(), item.ageInDays(),
                    item.reasons(), Map.of("demand", "/demands/" + item.demandId(),
                            "matches", "/demands/" + item.demandId() + "/matches"));
        }
    }

    @GetMapping("/cities/{cityCode}/report")
    @PreAuthorize("hasAnyRole('CITY_ADMIN', 'PLATFORM_ADMIN')")
    Mono<ReportView> report(@PathVariable String cityCode, @RequestParam String from, @RequestParam String to,
            @RequestParam(defaultValue = "day") String granularity, @AuthenticationPrincipal PlatformUser user) {
        return Mono.defer(() -> reports.report(user, cityCode, reports.range(from, to, granularity)))
                .map(ReportView::of);
    }

    /**
     * The report pushed again whenever an event of the city arrives, as server-sent events; each stream recomputes
     * it, so a user holds a few at most ({@link LiveConnections}).
     */
    @GetMapping(path = "/cities/{cityCode}/report/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAnyRole('CITY_ADMIN', 'PLATFORM_ADMIN')")
    Flux<ReportView> live(@PathVariable String cityCode, @RequestParam String from, @RequestParam String to,
            @RequestParam(defaultValue = "day") String granularity, @AuthenticationPrincipal PlatformUser user) {
        return liveConnections.open(user.subject(), () -> Flux.defer(() -> reports.live(user, cityCode,
                reports.range(from, to, granularity))).map(ReportView::of));
    }

    /** The report as a spreadsheet: UTF-8 with a byte order mark, so spreadsheet programs show the Chinese names. */
    @GetMapping("/cities/{cityCode}/report.csv")
    @PreAuthorize("hasAnyRole('CITY_ADMIN', 'PLATFORM_ADMIN')")
    Mono<ResponseEntity<byte[]>> csv(@PathVariable String cityCode, @RequestParam String from,
            @RequestParam String to, @RequestParam(defaultValue = "day") String granularity,
            @AuthenticationPrincipal PlatformUser user) {
        return Mono.defer(() -> reports.report(user, cityCode, reports.range(from, to, granularity)))
                .map(report -> ResponseEntity.ok()
                        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + cityCode + "-"
                                + from + "-" + to + ".csv\"")
                        .body(ReportCsv.of(report)));
    }

    @GetMapping("/cities/ranking")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    Mono<List<CityRank>> ranking(@RequestParam String from, @RequestParam String to) {
        return Mono.defer(() -> {
            var range = reports.range(from, to, "day");
            return reports.ranking(range.from(), range.to());
        });
    }
}
