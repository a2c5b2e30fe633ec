package cn.innovationchina.expert.application;

/** The formats a bulk import reads, both UTF-8. */
public enum ImportFormat {
    /** One JSON object per line: externalId plus the profile as in {@code PUT /providers/{id}}. */
    JSON_LINES,
    /** A header row naming the columns; list cells separated by {@code ;}. Achievements only in JSON lines. */
    CSV
}
