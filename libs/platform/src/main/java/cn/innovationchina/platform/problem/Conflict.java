package cn.innovationchina.platform.problem;

/** 409: the request is well formed but the current state does not allow it. */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
