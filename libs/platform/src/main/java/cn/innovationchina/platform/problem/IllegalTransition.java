package cn.innovationchina.platform.problem;

/** 409 naming both states: the lifecycle does not go from {@code from} to {@code to}. */
public class IllegalTransition extends Conflict {

    private final String from;
    private final String to;

    public IllegalTransition(Enum<?> from, Enum<?> to) {
        super("Cannot go from " + from.name() + " to " + to.name());
        this.from = from.name();
        this.to = to.name();
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }
}
