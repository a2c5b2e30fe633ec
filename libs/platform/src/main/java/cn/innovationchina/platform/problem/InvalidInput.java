package cn.innovationchina.platform.problem;

/** 400 naming the field at fault, for rules that bean validation cannot express (e.g. a check character). */
public class InvalidInput extends RuntimeException {

    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
