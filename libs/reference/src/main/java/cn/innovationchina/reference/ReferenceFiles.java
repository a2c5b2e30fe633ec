package cn.innovationchina.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.databind.json.JsonMapper;

final class ReferenceFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReferenceFiles() {
    }

    static <T> T read(String resource, Class<T> type) {
        try (InputStream in = ReferenceFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing reference data " + resource);
            }
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
