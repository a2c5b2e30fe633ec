package cn.innovationchina.expert.application;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.innovationchina.events.CooperationMode;
import cn.innovationchina.events.ProviderKind;
import cn.innovationchina.expert.domain.ProfileDraft;
import cn.innovationchina.expert.domain.Violation;
import cn.innovationchina.platform.problem.InvalidInput;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/** Reads an import file into rows: each a draft to check, or the reasons it could not even be read. */
@Component
class ImportParser {

    /** A row as read: the line it starts on, its external id, and a draft or why it could not be read. */
    record Row(int line, @Nullable String externalId, @Nullable ProfileDraft draft, List<Violation> errors) {
    }

    private record ExternalId(@Nullable String externalId) {
    }

    private static final List<String> CSV_COLUMNS = List.of("externalId", "name", "kind", "affiliation",
            "affiliationCreditCode", "title", "fieldCodes", "skills", "keywords", "summary", "services", "cityCode",
            "divisionCode", "regionsServed", "languages", "capacity", "conflictCreditCodes", "email", "phone");

    private final JsonMapper json;

    ImportParser(JsonMapper json) {
        this.json = json;
    }

    List<Row> parse(ImportFormat format, String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return format == ImportFormat.CSV ? csv(content) : jsonLines(content);
    }

    private List<Row> jsonLines(String text) {
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows.add(jsonLine(i + 1, lines[i]));
            }
        }
        return rows;
    }

    private Row jsonLine(int line, String text) {
        String externalId = null;
        try {
            ExternalId read = json.readValue(text, ExternalId.class);
            // The line null is valid JSON, yet no object.
            if (read == null) {
                return notAnObject(line, null);
            }
            externalId = read.externalId();
            return new Row(line, externalId, json.readValue(text, ProfileDraft.class), List.of());
        } catch (DatabindException e) {
            return new Row(line, externalId, null, List.of(new Violation(path(e), "has a value of the wrong type")));
        } catch (JacksonException e) {
            return notAnObject(line, externalId);
        }
    }

    private static Row notAnObject(int line, @Nullable String externalId) {
        return new Row(line, externalId, null, List.of(new Violation("line", "is not a JSON object")));
    }

    private static String path(DatabindException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("line");
    }

    private List<Row> csv(String text) {
        List<CsvRecord> records = CsvRecord.parse(text);
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> header = records.get(0).cells().stream().map(String::strip).toList();
        Set<String> named = new HashSet<>();
        for (String column : header) {
            if (!CSV_COLUMNS.contains(column)) {
                throw new InvalidInput("header", "unknown column " + column + "; the columns are " + CSV_COLUMNS);
            }
            // Which of two cells a row means would be a guess.
            if (!named.add(column)) {
                throw new InvalidInput("header", "names the column " + column + " more than once");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (CsvRecord record : records.subList(1, records.size())) {
            if (record.cells().stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            for (int c = 0; c < header.size() && c < record.cells().size(); c++) {
                String value = record.cells().get(c).strip();
                if (!value.isEmpty()) {
                    cells.put(header.get(c), value);
                }
            }
            rows.add(csvRow(record.line(), cells));
        }
        return rows;
    }

    private static Row csvRow(int line, Map<String, String> cells) {
        List<Violation> errors = new ArrayList<>();
        ProviderKind kind = parsed(errors, "kind", cells.get("kind"), v -> ProviderKind.valueOf(v.toUpperCase(Locale.ROOT)),
                "is not one of " + Arrays.toString(ProviderKind.values()));
        List<CooperationMode> services = new ArrayList<>();
        List<String> modes = list(cells.get("services"));
        for (int i = 0; i < modes.size(); i++) {
            services.add(parsed(errors, "services[" + i + "]", modes.get(i),
                    v -> CooperationMode.valueOf(v.toUpperCase(Locale.ROOT)),
                    "is not one of " + Arrays.toString(CooperationMode.values())));
        }
        Integer capacity = parsed(errors, "capacity", cells.get("capacity"), Integer::valueOf, "is not a number");
        if (!errors.isEmpty()) {
            return new Row(line, cells.get("externalId"), null, errors);
        }
        var draft = new ProfileDraft(cells.get("name"), kind, cells.get("affiliation"),
                cells.get("affiliationCreditCode"), cells.get("title"), list(cells.get("fieldCodes")),
                list(cells.get("skills")), list(cells.get("keywords")), cells.get("summary"), List.of(), services,
                cells.get("cityCode"), cells.get("divisionCode"), list(cells.get("regionsServed")), list(cells.get("languages")), capacity,
                list(cells.get("conflictCreditCodes")), cells.get("email"), cells.get("phone"));
        return new Row(line, cells.get("externalId"), draft, List.of());
    }

    /** List cells are separated by ";", or the full-width "；" a Chinese keyboard types. */
    private static List<String> list(@Nullable String cell) {
        if (cell == null) {
            return List.of();
        }
        return Arrays.stream(cell.split("[;；]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static <T> @Nullable T parsed(List<Violation> errors, String field, @Nullable String value,
            Function<String, T> parse, String reason) {
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new Violation(field, reason));
            return null;
        }
    }

    /** One CSV record (RFC 4180: quoted cells may hold commas, quotes as "" and line breaks). */
    record CsvRecord(int line, List<String> cells) {

        static List<CsvRecord> parse(String text) {
            List<CsvRecord> records = new ArrayList<>();
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            int line = 1;
            int recordLine = 1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    cells.add(cell.toString());
                    cell.setLength(0);
                    records.add(new CsvRecord(recordLine, List.copyOf(cells)));
                    cells.clear();
                    line++;
                    recordLine = line;
                } else {
                    cell.append(c);
                }
            }
            if (cell.length() > 0 || !cells.isEmpty()) {
                cells.add(cell.toString());
                records.add(new CsvRecord(recordLine, List.copyOf(cells)));
            }
            return records;
        }
    }
}
