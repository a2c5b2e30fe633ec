package cn.innovationchina.events.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.innovationchina.events.EventJson;
import tools.jackson.databind.JsonNode;

class SchemaCompatibilityTest {

    private static final String PUBLISHED = """
            {"type":"object","required":["demandId","budget"],"properties":{
              "demandId":{"type":"string"},
              "note":{"type":"string"},
              "budget":{"type":"integer"},
              "deadline":{"type":"string","format":"date"},
              "mode":{"type":"string","enum":["LICENSING","JOINT_RND"]},
              "fields":{"type":"array","items":{"type":"string"}}}}
            """;

    @Test
    void adding_an_optional_field_and_an_enum_value_is_compatible() {
        var next = PUBLISHED.replace("\"note\":{\"type\":\"string\"},",
                "\"note\":{\"type\":\"string\"},\"industry\":{\"type\":\"string\"},")
                .replace("\"JOINT_RND\"]", "\"JOINT_RND\",\"TALENT_TRAINING\"]");
        assertThat(violations(next)).isEmpty();
    }

    @Test
    void removing_a_field_is_refused() {
        assertThat(violations(PUBLISHED.replace("\"note\":{\"type\":\"string\"},", "")))
                .containsExactly("$.note: field removed or renamed");
    }

    @Test
    void renaming_a_field_is_refused() {
        assertThat(violations(PUBLISHED.replace("\"deadline\"", "\"dueDate\"")))
                .containsExactly("$.deadline: field removed or renamed");
    }

    @Test
    void changing_a_type_is_refused() {
        assertThat(violations(PUBLISHED.replace("\"budget\":{\"type\":\"integer\"}", "\"budget\":{\"type\":\"string\"}")))
                .containsExactly("$.budget: type changed from integer to string");
    }

    @Test
    void changing_the_type_of_array_items_is_refused() {
        assertThat(violations(PUBLISHED.replace("\"items\":{\"type\":\"string\"}", "\"items\":{\"type\":\"integer\"}")))
                .containsExactly("$.fields[]: type changed from string to integer");
    }

    @Test
    void changing_a_format_is_refused() {
        assertThat(violations(PUBLISHED.replace("\"format\":\"date\"", "\"format\":\"date-time\"")))
                .containsExactly("$.deadline: format changed from 'date' to 'date-time'");
    }

    @Test
    void making_an_optional_field_required_is_refused() {
        assertThat(violations(PUBLISHED.replace("[\"demandId\",\"budget\"]", "[\"demandId\",\"budget\",\"note\"]")))
                .containsExactly("$.note: optional field made required");
    }

    @Test
    void adding_a_required_field_is_refused() {
        var next = PUBLISHED.replace("[\"demandId\",\"budget\"]", "[\"demandId\",\"budget\",\"city\"]")
                .replace("\"note\":{\"type\":\"string\"},", "\"note\":{\"type\":\"string\"},\"city\":{\"type\":\"string\"},");
        assertThat(violations(next))
                .containsExactly("$.city: new field is required (events already written lack it)");
    }

    @Test
    void removing_an_enum_value_is_refused() {
        assertThat(violations(PUBLISHED.replace("[\"LICENSING\",\"JOINT_RND\"]", "[\"LICENSING\"]")))
                .containsExactly("$.mode: enum value JOINT_RND removed");
    }

    private static java.util.List<String> violations(String next) {
        return SchemaCompatibility.violations(json(PUBLISHED), json(next));
    }

    private static JsonNode json(String text) {
        return EventJson.mapper().readTree(text);
    }
}
