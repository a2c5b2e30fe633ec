package cn.innovationchina.platform.problem;

/** 412: the write was based on a version that is no longer current. */
public class StaleVersion extends RuntimeException {

    public StaleVersion(String aggregate, String id, long expectedVersion) {
        super(aggregate + " " + id + " is no longer at version " + expectedVersion);
    }
}
