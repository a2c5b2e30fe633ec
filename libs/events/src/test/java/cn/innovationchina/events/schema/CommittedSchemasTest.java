package cn.innovationchina.events.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.innovationchina.events.EventCatalog;
import cn.innovationchina.events.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * The committed schema files are the published contract. A code change that breaks one fails the build; a
 * compatible change must be recorded with {@code -Devents.schemas.update=true} and committed with the code.
 */
class CommittedSchemasTest {

    private static final Path SCHEMAS = Path.of("src/main/resources/schemas");
    private static final boolean UPDATE = Boolean.getBoolean("events.schemas.update");

    @Test
    void every_event_in_the_catalog_keeps_a_backward_compatible_committed_schema() throws IOException {
        List<String> problems = new ArrayList<>();
        for (EventCatalog.Entry entry : EventCatalog.entries()) {
            Path file = SCHEMAS.resolve(EventSchemas.fileName(entry));
            JsonNode current = EventSchemas.of(entry);
            if (!Files.exists(file)) {
                record(file, current, problems, entry.type() + ": no committed schema " + file);
                continue;
            }
            JsonNode committed = EventJson.mapper().readTree(Files.readString(file));
            List<String> violations = SchemaCompatibility.violations(committed, current);
            if (!violations.isEmpty()) {
                problems.add(entry.type() + " v" + entry.schemaVersion() + " is no longer backward compatible "
                        + violations + "; keep the field, or raise the schema version in EventCatalog");
            } else if (!committed.equals(current)) {
                record(file, current, problems, entry.type() + ": compatible change not yet recorded in " + file);
            }
        }
        assertThat(problems).as("event schemas").isEmpty();
    }

    @Test
    void no_schema_file_is_left_without_an_event() throws IOException {
        var known = EventCatalog.entries().stream().map(EventSchemas::fileName).toList();
        try (var files = Files.list(SCHEMAS)) {
            assertThat(files.map(f -> f.getFileName().toString())
                    .filter(name -> known.stream().noneMatch(name::equals))
                    .filter(name -> !isOlderVersionOfKnownType(name)))
                    .as("schema files of events that no longer exist (an event type must never be removed)")
                    .isEmpty();
        }
    }

    private static boolean isOlderVersionOfKnownType(String fileName) {
        String type = fileName.substring(0, fileName.indexOf(".v"));
        return EventCatalog.find(type).isPresent();
    }

    private static void record(Path file, JsonNode schema, List<String> problems, String problem) throws IOException {
        if (UPDATE) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(schema)
                    + "\n", StandardCharsets.UTF_8);
        } else {
            problems.add(problem + " (run ./mvnw -pl libs/events test -Devents.schemas.update=true)");
        }
    }
}
