package cn.innovationchina.monitoring.scenarios;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.innovationchina.events.Topics;
import cn.innovationchina.monitoring.MonitoringServiceApplication;
import cn.innovationchina.testkit.AnotherInstance;
import cn.innovationchina.testkit.RealInfrastructure;
import cn.innovationchina.testkit.ServiceTest;
import cn.innovationchina.testkit.Tokens;

/**
 * Two instances share the event partitions, so each records some of a city's facts; an administrator's live report
 * may be open at either, and it shows every new fact all the same (ADR 0048).
 */
@ServiceTest
class LiveReportAcrossInstancesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Tokens TOKENS = Tokens.forTests();
    private static final String MARCH_2023 = "from=2023-03-01&to=2023-03-31&granularity=month";

    static AnotherInstance second;

    @Autowired
    WebTestClient http;

    /** Takes the first instance's client as a parameter so it is up before the second joins. */
    @BeforeAll
    static void startSecondInstance(@Autowired WebTestClient first, @Autowired ReactiveMongoTemplate mongo) {
        Bus.theFirstPilotCitiesAreDesignated();
        second = AnotherInstance.of(MonitoringServiceApplication.class);
        AnotherInstance.awaitPartitionsSharedBy(2, "monitoring-service", Topics.DEMAND_EVENTS);
        LiveReportTest.awaitReadyForLiveReports(first);
        LiveReportTest.awaitReadyForLiveReports(client(second));
    }

    @AfterAll
    static void stopSecondInstance() {
        second.close();
    }

    @Test
    void a_live_report_at_either_instance_shows_each_fact_whichever_instance_recorded_it() {
        var guangzhou = new Bus("GUANGZHOU", "across");
        String token = TOKENS.cityAdmin("GUANGZHOU");
        var atFirst = new LiveReport(http, "GUANGZHOU", MARCH_2023, token);
        var atSecond = new LiveReport(client(second), "GUANGZHOU", MARCH_2023, token);
        try {
            List<String> demands = onePerPartition(guangzhou);
            for (int published = 1; published <= demands.size(); published++) {
                guangzhou.publishes(demands.get(published - 1), "2023-03-10T02:00:00Z", "海洋牧场", "AGRI.MARINE");
                atFirst.awaitFigures(Map.of("demandsPublished", published));
                atSecond.awaitFigures(Map.of("demandsPublished", published));
            }
        } finally {
            atFirst.close();
            atSecond.close();
        }
    }

    /** Demand names whose events land one on each partition, so each instance records at least one of them. */
    private static List<String> onePerPartition(Bus bus) {
        List<String> names = new ArrayList<>();
        boolean[] covered = new boolean[RealInfrastructure.PARTITIONS];
        for (int i = 0; names.size() < covered.length; i++) {
            int partition = AnotherInstance.partitionOf(bus.demand("D" + i));
            if (!covered[partition]) {
                covered[partition] = true;
                names.add("D" + i);
            }
        }
        return names;
    }

    private static WebTestClient client(AnotherInstance instance) {
        return WebTestClient.bindToServer().baseUrl(instance.url()).responseTimeout(PATIENCE).build();
    }
}
