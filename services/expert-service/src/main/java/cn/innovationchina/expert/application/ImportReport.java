package cn.innovationchina.expert.application;

import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.innovationchina.expert.domain.Violation;

/**
 * What a bulk import did: how many rows it read, registered and found already imported (by external id), and
 * every refused row with its line number and each field at fault.
 */
public record ImportReport(int rows, int registered, int alreadyImported, List<RejectedRow> rejected) {

    public ImportReport {
        rejected = List.copyOf(rejected);
    }

    public record RejectedRow(int line, @Nullable String externalId, List<Violation> errors) {
        public RejectedRow {
            errors = List.copyOf(errors);
        }
    }
}
