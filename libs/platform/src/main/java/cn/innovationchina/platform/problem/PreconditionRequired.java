package cn.innovationchina.platform.problem;

/**
 * 428: a change of an existing aggregate came without {@code If-Match}, so it would not be known which state the
 * caller decided on (ADR 0042).
 */
public class PreconditionRequired extends RuntimeException {

    public PreconditionRequired(String aggregate) {
        super("If-Match required: the ETag of the " + aggregate + " as last read");
    }
}
