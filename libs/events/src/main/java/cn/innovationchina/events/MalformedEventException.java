package cn.innovationchina.events;

/** Bytes on a topic that are not an event of this contract: retrying cannot help, they go to the dead letters. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
