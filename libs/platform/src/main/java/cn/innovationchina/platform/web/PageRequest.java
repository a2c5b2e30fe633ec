package cn.innovationchina.platform.web;

import cn.innovationchina.platform.problem.InvalidInput;

/**
 * A page of a list: numbered from 0, its size capped so no caller can ask for a whole collection. Outside the
 * bounds is a 400 naming {@code page} or {@code size}.
 */
public record PageRequest(int page, int size) {

    public static PageRequest of(int page, int size, int maxSize) {
        if (page < 0) {
            throw new InvalidInput("page", "must be 0 or more");
        }
        if (size < 1 || size > maxSize) {
            throw new InvalidInput("size", "must be between 1 and " + maxSize);
        }
        return new PageRequest(page, size);
    }
}
