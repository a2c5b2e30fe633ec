package cn.innovationchina.demand.scenarios;

/** A demand a test holds: its id and the ETag of the last successful answer about it. */
public final class DemandRef {

    private final String id;
    private String etag;

    DemandRef(String id, String etag) {
        this.id = id;
        this.etag = etag;
    }

    public String id() {
        return id;
    }

    public String etag() {
        return etag;
    }

    void seen(Reply reply) {
        if (reply.status() / 100 == 2 && reply.etag() != null) {
            etag = reply.etag();
        }
    }
}
