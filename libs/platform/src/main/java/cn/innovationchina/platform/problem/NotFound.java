package cn.innovationchina.platform.problem;

/** 404. Also answers for objects the caller may not see, so their existence is never confirmed. */
public class NotFound extends RuntimeException {

    public NotFound(String what, String id) {
        super(what + " " + id + " was not found");
    }
}
