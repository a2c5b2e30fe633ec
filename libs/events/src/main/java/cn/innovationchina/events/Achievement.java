package cn.innovationchina.events;

import org.jspecify.annotations.Nullable;

/** A patent (reference = number), paper (DOI), project, award or standard. */
public record Achievement(Kind kind, String title, @Nullable String reference, @Nullable Integer year) {

    public enum Kind {
        PATENT,
        PAPER,
        PROJECT,
        AWARD,
        STANDARD
    }
}
