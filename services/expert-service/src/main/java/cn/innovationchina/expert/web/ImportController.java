package cn.innovationchina.expert.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;

import cn.innovationchina.expert.application.BulkImport;
import cn.innovationchina.expert.application.ImportFormat;
import cn.innovationchina.expert.application.ImportReport;
import cn.innovationchina.platform.problem.InvalidInput;
import cn.innovationchina.platform.security.PlatformUser;
import reactor.core.publisher.Mono;

/**
 * Bulk onboarding. The file is read raw, up to {@code expert.import.max-size} (the platform refuses a larger
 * declared length with 413 before reading; a chunked body is cut off at the same size), never through a codec.
 */
@RestController
class ImportController {

    static final String PATH = "/providers/imports";
    static final String JSON_LINES = "application/x-ndjson";

    private final BulkImport imports;
    private final DataSize maxSize;

    ImportController(BulkImport imports, @Value("${expert.import.max-size}") DataSize maxSize) {
        this.imports = imports;
        this.maxSize = maxSize;
    }

    @PostMapping(path = PATH, consumes = JSON_LINES)
    @PreAuthorize("hasAnyRole('EXPERT', 'PLATFORM_ADMIN')")
    Mono<ImportReport> importJsonLines(ServerHttpRequest request, @AuthenticationPrincipal PlatformUser user) {
        return text(request).flatMap(text -> imports.run(user, ImportFormat.JSON_LINES, text));
    }

    @PostMapping(path = PATH, consumes = "text/csv")
    @PreAuthorize("hasAnyRole('EXPERT', 'PLATFORM_ADMIN')")
    Mono<ImportReport> importCsv(ServerHttpRequest request, @AuthenticationPrincipal PlatformUser user) {
        return text(request).flatMap(text -> imports.run(user, ImportFormat.CSV, text));
    }

    /** UTF-8 strictly: a file saved as GBK is refused rather than imported as garbled Chinese. */
    private Mono<String> text(ServerHttpRequest request) {
        return DataBufferUtils.join(request.getBody(), (int) maxSize.toBytes())
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
                    } catch (CharacterCodingException e) {
                        throw new InvalidInput("body", "is not UTF-8 text");
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty("")
                .onErrorMap(DataBufferLimitException.class,
                        e -> new ServerWebInputException("The import is larger than " + maxSize, null, e));
    }
}
