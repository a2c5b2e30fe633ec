package cn.innovationchina.platform.web;

import cn.innovationchina.platform.problem.InvalidInput;

/**
 * A page of a list, the one paging type of every service: numbered from 0, 1 to 100 items (or a service's smaller
 * cap), and at most {@value #MAX_OFFSET} items deep, so no caller reads a whole collection, makes the store skip
 * millions of documents, or wraps the offset around. The offset is computed in {@code long}. Outside the bounds
 * is a 400 naming {@code page} or {@code size}.
 */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 100;
    /** How deep a list may be read by page; past it, a narrower search finds what a caller wants. */
    public static final long MAX_OFFSET = 10_000;

    public PageRequest {
        if (page < 0) {
            throw new InvalidInput("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInput("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) page * size >= MAX_OFFSET) {
            throw new InvalidInput("page", "reaches past the first " + MAX_OFFSET + " items (at most page "
                    + ((MAX_OFFSET - 1) / size) + " with size " + size + "); narrow the search instead");
        }
    }

    public static PageRequest of(int page, int size) {
        return new PageRequest(page, size);
    }

    /** With a service's own, smaller cap on the size. */
    public static PageRequest of(int page, int size, int maxSize) {
        if (size > Math.min(maxSize, MAX_SIZE)) {
            throw new InvalidInput("size", "must be between 1 and " + Math.min(maxSize, MAX_SIZE));
        }
        return new PageRequest(page, size);
    }

    /** How many items come before this page. */
    public long offset() {
        return (long) page * size;
    }

    /** The offset for stores that take an {@code int}: safe, since it is below {@link #MAX_OFFSET}. */
    public int skip() {
        return Math.toIntExact(offset());
    }
}
