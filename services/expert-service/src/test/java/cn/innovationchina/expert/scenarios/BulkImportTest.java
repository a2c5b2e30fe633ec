package cn.innovationchina.expert.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.innovationchina.events.ProviderRegistered;
import reactor.core.publisher.Flux;

class BulkImportTest extends Scenario {

    private static final String JSON_LINES = "application/x-ndjson";

    private static String row(String externalId, String name, String extra) {
        return "{\"externalId\":\"" + externalId + "\",\"name\":\"" + name + "\",\"kind\":\"EXPERT\","
                + "\"affiliation\":\"华中科技大学\",\"fieldCodes\":[\"IT.COMMUNICATIONS\"],"
                + "\"skills\":[\"光通信\",\"5G\"],\"summary\":\"光纤通信与5G前传网络方向的研究与工程咨询。\","
                + "\"cityCode\":\"XIANNING\",\"capacity\":2,\"email\":\"" + externalId + "@example.cn\"" + extra + "}";
    }

    private static final String GOOD_AND_BAD = String.join("\n",
            row("E001", "王芳", ""),
            row("E002", "刘洋", ",\"achievements\":[{\"kind\":\"PAPER\",\"title\":\"5G前传\",\"reference\":\"10.1109/abc.2023.1\"}]"),
            row("E003", "", ""),
            row("E004", "陈静", ",\"fieldCodes\":[\"IT.TELEPATHY\"]"),
            row("E005", "杨磊", ",\"capacity\":\"很多\""),
            row("E001", "王芳", ""),
            "{\"externalId\":\"E007\",",
            "");

    @Test
    void a_society_imports_the_good_rows_and_reports_each_bad_one_with_its_field() {
        var society = given.aSociety();

        society.upload(JSON_LINES, GOOD_AND_BAD).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rows").isEqualTo(7)
                .jsonPath("$.registered").isEqualTo(2)
                .jsonPath("$.alreadyImported").isEqualTo(0)
                .jsonPath("$.rejected[0].line").isEqualTo(3)
                .jsonPath("$.rejected[0].errors[0].field").isEqualTo("name")
                .jsonPath("$.rejected[1].externalId").isEqualTo("E004")
                .jsonPath("$.rejected[1].errors[0].field").isEqualTo("fieldCodes[0]")
                .jsonPath("$.rejected[2].errors[0].field").isEqualTo("capacity")
                .jsonPath("$.rejected[3].line").isEqualTo(6)
                .jsonPath("$.rejected[3].errors[0].field").isEqualTo("externalId")
                .jsonPath("$.rejected[4].line").isEqualTo(7);

        var registered = events.expect(ProviderRegistered.class, society.id + "-E002").exactlyOnce();
        assertThat(registered.payload().profile().name()).isEqualTo("刘洋");
        assertThat(registered.payload().profile().memberOf()).isEqualTo(society.id);
        assertNoContactDataPublishedFor(society.id + "-E001");
    }

    @Test
    void importing_the_same_file_again_creates_nothing_new() {
        var society = given.aSociety();
        society.upload(JSON_LINES, GOOD_AND_BAD).expectStatus().isOk();

        society.upload(JSON_LINES, GOOD_AND_BAD).expectStatus().isOk()
                .expectBody().jsonPath("$.registered").isEqualTo(0).jsonPath("$.alreadyImported").isEqualTo(2);

        events.expect(ProviderRegistered.class, society.id + "-E001").exactlyOnce();
    }

    @Test
    void a_csv_file_with_chinese_text_quoted_commas_and_a_bad_row_is_imported() {
        var society = given.aSociety();
        String csv = "\uFEFFexternalId,name,kind,affiliation,fieldCodes,skills,summary,services,cityCode,divisionCode,capacity,phone\r\n"
                + "C001,赵敏,EXPERT,武汉大学,IT.AI;IT.BIGDATA,机器视觉；深度学习,\"工业视觉检测, 缺陷识别\",TECHNICAL_CONSULTING,WUHAN,,3,+86 27 1234 5678\r\n"
                + "C002,孙浩,EXPERT,武汉大学,IT.AI,算法,\"说明\",TELEPORTATION,WUHAN,,3,\r\n"
                + "C003,王磊,EXPERT,西安交通大学,IT.AI,机器视觉,\"视觉检测\",TECHNICAL_CONSULTING,,610100,2,\r\n";

        society.upload("text/csv", csv).expectStatus().isOk()
                .expectBody().jsonPath("$.registered").isEqualTo(2)
                .jsonPath("$.rejected[0].line").isEqualTo(3)
                .jsonPath("$.rejected[0].errors[0].field").isEqualTo("services[0]");

        var registered = events.expect(ProviderRegistered.class, society.id + "-C001").exactlyOnce();
        assertThat(registered.payload().profile().skills()).containsExactly("机器视觉", "深度学习");
        assertThat(registered.payload().profile().summary()).isEqualTo("工业视觉检测, 缺陷识别");
        assertThat(registered.payload().profile().fieldCodes()).containsExactly("IT.AI", "IT.BIGDATA");
        assertThat(registered.payload().profile().divisionCode()).isEqualTo("420100");
        var inXian = events.expect(ProviderRegistered.class, society.id + "-C003").exactlyOnce();
        assertThat(inXian.payload().profile().divisionCode()).as("a row naming its own city").isEqualTo("610100");
    }

    @Test
    void a_csv_file_with_an_unknown_column_is_refused_naming_the_header() {
        given.aSociety().upload("text/csv", "externalId,name,favouriteColour\nC001,赵敏,red\n")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("header");
    }

    @Test
    void a_line_that_is_json_null_is_reported_with_its_line_and_the_good_rows_are_imported() {
        var society = given.aSociety();

        society.upload(JSON_LINES, String.join("\n", row("N001", "王芳", ""), "null", row("N003", "刘洋", "")))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rows").isEqualTo(3)
                .jsonPath("$.registered").isEqualTo(2)
                .jsonPath("$.rejected.length()").isEqualTo(1)
                .jsonPath("$.rejected[0].line").isEqualTo(2)
                .jsonPath("$.rejected[0].errors[0].field").isEqualTo("line");
    }

    @Test
    void a_csv_file_whose_header_names_a_column_twice_is_refused_naming_the_header() {
        given.aSociety().upload("text/csv", "externalId,name,name,kind\nC001,赵敏,钱敏,EXPERT\n")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("header")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("name"));
    }

    @Test
    void a_row_whose_email_has_a_local_part_over_64_characters_is_reported_naming_email() {
        var society = given.aSociety();
        String tooLong = ",\"email\":\"" + "a".repeat(300) + "@example.cn\"";

        society.upload(JSON_LINES, String.join("\n", row("L001", "王芳", ""), row("L002", "刘洋", tooLong)))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.registered").isEqualTo(1)
                .jsonPath("$.rejected[0].line").isEqualTo(2)
                .jsonPath("$.rejected[0].errors[0].field").isEqualTo("email");
        society.upload("text/csv", "externalId,name,kind,fieldCodes,summary,cityCode,capacity,email\n"
                        + "L003,赵敏,EXPERT,IT.AI,机器视觉,WUHAN,3," + "a".repeat(65) + "@example.cn\n")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.registered").isEqualTo(0)
                .jsonPath("$.rejected[0].errors[0].field").isEqualTo("email");
    }

    @Test
    void a_society_lists_the_members_it_onboarded() {
        var society = given.aSociety();
        society.upload(JSON_LINES, GOOD_AND_BAD).expectStatus().isOk();

        given.enterprise().get("/providers/" + society.id + "/members").expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[*].profile.name").isEqualTo(List.of("刘洋", "王芳"));
    }

    @Test
    void a_society_nobody_verified_cannot_import_members() {
        var selfDeclared = given.anUnverifiedSociety();

        selfDeclared.upload(JSON_LINES, row("U001", "王芳", "")).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("verified"));

        given.enterprise().get("/providers/" + selfDeclared.id + "/members").expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(0);
        events.expect(ProviderRegistered.class, selfDeclared.id + "-U001").never();
    }

    @Test
    void a_groups_import_registers_experts_only_and_refuses_an_organisation_row_naming_its_kind() {
        var society = given.aSociety();
        String organisation = row("O001", "测试中心", "").replace("\"kind\":\"EXPERT\"", "\"kind\":\"SERVICE_ORG\"");

        society.upload(JSON_LINES, String.join("\n", row("M001", "王芳", ""), organisation)).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.registered").isEqualTo(1)
                .jsonPath("$.rejected[0].externalId").isEqualTo("O001")
                .jsonPath("$.rejected[0].errors[0].field").isEqualTo("kind");

        events.expect(ProviderRegistered.class, society.id + "-O001").never();
    }

    @Test
    void a_plain_expert_cannot_import() {
        given.aRegisteredExpert().upload(JSON_LINES, row("E001", "王芳", "")).expectStatus().isForbidden();
        given.enterprise().upload(JSON_LINES, row("E001", "王芳", "")).expectStatus().isForbidden();
    }

    @Test
    void an_import_larger_than_a_profile_body_but_within_the_import_limit_is_accepted() {
        var society = given.aSociety();
        String longSummary = ",\"summary\":\"" + "光纤通信".repeat(900) + "\",\"cityCode\":\"NANNING\"";
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            file.append(row("B" + i, "批量" + i, longSummary)).append('\n');
        }
        assertThat(file.toString().getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThan(256 * 1024);

        society.upload(JSON_LINES, file.toString()).expectStatus().isOk()
                .expectBody().jsonPath("$.registered").isEqualTo(30).jsonPath("$.rejected.length()").isEqualTo(0);
    }

    @Test
    void an_import_above_the_import_limit_is_refused_with_413() {
        given.platformAdmin().upload(JSON_LINES, "x".repeat(3 * 1024 * 1024)).expectStatus().isEqualTo(413);
    }

    /**
     * Also the memory the refused bodies were read into is handed back exactly once: Netty 4.2's default (adaptive)
     * allocator let a refused stream's buffer be released twice, and a later call on another connection was then
     * never answered (ADR 0050). The server logs such a release as an {@code IllegalReferenceCountException}.
     */
    @Test
    void chunked_imports_above_the_import_limit_are_refused_and_their_memory_is_let_go_once() {
        byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        var serverLog = new ListAppender<ILoggingEvent>();
        serverLog.start();
        var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(serverLog);
        try {
            for (int upload = 0; upload < 20; upload++) {
                var chunks = Flux.range(0, 48).map(i -> (DataBuffer) DefaultDataBufferFactory.sharedInstance.wrap(chunk));
                // The server refuses while the client is still sending; HTTP/1.1 lets it answer early and close, so
                // the client sees either the 413 or, if the close overtakes the answer, a connection closed before
                // it: both are a refusal. (A declared length over the limit is always a plain 413: the test above.)
                try {
                    http.post().uri("/providers/imports").headers(h -> h.setBearerAuth(given.platformAdmin().token))
                            .contentType(MediaType.parseMediaType(JSON_LINES))
                            .body(BodyInserters.fromDataBuffers(chunks)).exchange()
                            .expectStatus().isEqualTo(413);
                } catch (WebClientRequestException closedEarly) {
                    // Reactor Netty words it as a close before the response, "prematurely" or "BEFORE response".
                    assertThat(closedEarly.getMessage()).containsAnyOf("prematurely closed", "closed BEFORE response");
                }
            }
        } finally {
            root.detachAppender(serverLog);
        }

        assertThat(serverLog.list).as("buffers released twice")
                .noneMatch(event -> event.getThrowableProxy() != null
                        && event.getThrowableProxy().getClassName().endsWith("IllegalReferenceCountException"));
    }

    @Test
    void a_file_that_is_not_utf8_is_refused_naming_the_body() {
        byte[] gbk = row("G001", "张伟", "").getBytes(Charset.forName("GBK"));

        http.post().uri("/providers/imports").headers(h -> h.setBearerAuth(given.platformAdmin().token))
                .contentType(MediaType.parseMediaType(JSON_LINES)).bodyValue(gbk).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
    }
}
