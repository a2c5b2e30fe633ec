package cn.innovationchina.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import cn.innovationchina.events.EventEnvelope.Tracing;
import cn.innovationchina.events.EventJson;
import cn.innovationchina.platform.observability.ContextLogging;
import cn.innovationchina.platform.observability.Correlation;
import cn.innovationchina.platform.problem.Conflict;
import cn.innovationchina.platform.problem.IllegalTransition;
import cn.innovationchina.platform.problem.InvalidInput;
import cn.innovationchina.platform.problem.NotFound;
import cn.innovationchina.platform.problem.PreconditionRequired;
import cn.innovationchina.platform.problem.StaleVersion;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error of every service as RFC 9457 {@code application/problem+json}: validation errors name the field at
 * fault ({@code errors[].field}); unexpected failures are logged and answered without internals.
 */
@Order(-2)
public class ProblemWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);
    private static final String TYPES = "https://innovation-china.cn/problems/";
    /** The type of a failure nobody foresaw, which is logged with its stack trace. */
    private static final URI UNEXPECTED = URI.create(TYPES + "internal");


    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        ProblemDetail problem = problemFor(error);
        problem.setInstance(instance(exchange.getRequest().getPath().value()));
        Object correlationId = exchange.getAttribute(Correlation.MDC_KEY);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (error instanceof ErrorResponse errorResponse) {
            errorResponse.getHeaders().forEach((name, values) -> {
                if (!response.getHeaders().containsHeader(name)) {
                    response.getHeaders().put(name, values);
                }
            });
        }
        byte[] body = EventJson.mapper().writeValueAsBytes(asJson(problem));
        Mono<Void> written = response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
        return problem.getType().equals(UNEXPECTED) ? unexpected(error, correlationId).then(written) : written;
    }

    /** Logs a failure nobody foresaw with its stack trace, the request's trace and its correlation id. */
    private static Mono<Void> unexpected(Throwable error, @Nullable Object correlationId) {
        Mono<Void> logged = ContextLogging.log(() -> log.error("Unexpected failure", error));
        // This handler runs outside the filter that put the correlation id in the context; the exchange kept it.
        return correlationId == null ? logged
                : logged.contextWrite(Correlation.with(new Tracing(correlationId.toString(), null)));
    }

    ProblemDetail problemFor(Throwable error) {
        if (error instanceof WebExchangeBindException invalid) {
            List<Map<String, Object>> errors = new ArrayList<>();
            invalid.getFieldErrors().forEach(f -> errors.add(Map.of("field", f.getField(),
                    "message", String.valueOf(f.getDefaultMessage()))));
            invalid.getGlobalErrors().forEach(g -> errors.add(Map.of("field", g.getObjectName(),
                    "message", String.valueOf(g.getDefaultMessage()))));
            return validation("The request has invalid fields", errors);
        }
        if (error instanceof InvalidInput invalid) {
            return validation(invalid.getMessage(),
                    List.of(Map.of("field", invalid.field(), "message", invalid.getMessage())));
        }
        if (error instanceof BodySizeWebFilter.PayloadTooLarge tooLarge) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", tooLarge.getMessage());
        }
        if (error instanceof UriLengthWebFilter.UriTooLong tooLong) {
            ProblemDetail problem = problem(HttpStatus.URI_TOO_LONG, "uri-too-long", tooLong.getMessage());
            problem.setProperty("errors", List.of(Map.of("field", "path", "message", tooLong.getMessage())));
            return problem;
        }
        if (error instanceof ServerWebInputException input) {
            return unreadable(input);
        }
        if (error instanceof IllegalTransition transition) {
            ProblemDetail problem = problem(HttpStatus.CONFLICT, "illegal-transition", transition.getMessage());
            problem.setProperty("currentState", transition.from());
            problem.setProperty("requestedState", transition.to());
            return problem;
        }
        if (error instanceof Conflict conflict) {
            return problem(HttpStatus.CONFLICT, "conflict", conflict.getMessage());
        }
        if (error instanceof NotFound notFound) {
            return problem(HttpStatus.NOT_FOUND, "not-found", notFound.getMessage());
        }
        if (error instanceof PreconditionRequired required) {
            ProblemDetail problem = problem(HttpStatus.PRECONDITION_REQUIRED, "precondition-required",
                    required.getMessage());
            problem.setProperty("errors", List.of(Map.of("field", ETags.IF_MATCH, "message", required.getMessage())));
            return problem;
        }
        if (error instanceof StaleVersion stale) {
            return problem(HttpStatus.PRECONDITION_FAILED, "stale-version",
                    stale.getMessage() + "; read it again and retry with its current ETag");
        }
        if (error instanceof AuthenticationException) {
            return problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "A valid bearer token is required");
        }
        if (error instanceof AccessDeniedException) {
            return problem(HttpStatus.FORBIDDEN, "forbidden", "Your role may not do this");
        }
        if (error instanceof HandlerMethodValidationException invalid) {
            List<Map<String, Object>> errors = new ArrayList<>();
            invalid.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(fault ->
                    errors.add(Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
                            "message", String.valueOf(fault.getDefaultMessage())))));
            return validation("Validation failure", errors);
        }
        if (error instanceof ErrorResponse response) {
            ProblemDetail body = response.getBody();
            body.setType(URI.create(TYPES + "http-" + body.getStatus()));
            return body;
        }
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Something went wrong on our side; quote the correlation id when you report it");
    }

    private ProblemDetail unreadable(ServerWebInputException input) {
        if (input.getCause() instanceof TypeMismatchException && input.getMethodParameter() != null
                && input.getMethodParameter().getParameterName() != null) {
            return validation("A parameter has a value of the wrong type", List.of(Map.of("field",
                    input.getMethodParameter().getParameterName(), "message", "has a value of the wrong type")));
        }
        for (Throwable cause = input; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataBufferLimitException tooLarge) {
                return problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                        tooLarge instanceof BodySizeWebFilter.PayloadTooLarge ? tooLarge.getMessage()
                                : "The request body is too large");
            }
            // A number out of range is the parser's error, yet it knows the field too (Jackson 3 keeps the path).
            if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
                String field = json.getPath().stream()
                        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
                String message = json instanceof RequestJson.UnsafeText unsafe ? unsafe.getOriginalMessage()
                        : json instanceof InputCoercionException ? "is a number out of range for this field"
                        : "has a value of the wrong type or format";
                return validation("The request body could not be read", List.of(Map.of("field", field,
                        "message", message)));
            }
            // The parser's own refusals (a field sent twice, a broken value) carry no path, but its context knows it.
            if (cause instanceof StreamReadException read && read.processor() != null) {
                String field = fieldOf(read.processor().streamReadContext().pathAsPointer());
                if (!field.isEmpty()) {
                    return validation("The request body could not be read", List.of(Map.of("field", field,
                            "message", read.getOriginalMessage())));
                }
            }
        }
        return validation("The request could not be read", List.of(Map.of("field", fieldAtFault(input),
                "message", unreadableBecause(input))));
    }

    /** {@code /tags/1/name} as the other refusals name it: {@code tags[1].name}. */
    private static String fieldOf(JsonPointer pointer) {
        var field = new StringBuilder();
        for (JsonPointer at = pointer; at != null && !at.matches(); at = at.tail()) {
            if (at.mayMatchElement()) {
                field.append('[').append(at.getMatchingIndex()).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(at.getMatchingProperty());
            }
        }
        return field.toString();
    }

    /** The body, when the body is what could not be read, else the parameter the framework names. */
    private static String fieldAtFault(ServerWebInputException input) {
        MethodParameter parameter = input.getMethodParameter();
        if (parameter == null || parameter.hasParameterAnnotation(RequestBody.class)
                || parameter.getParameterName() == null) {
            return "body";
        }
        return parameter.getParameterName();
    }

    private static String unreadableBecause(ServerWebInputException input) {
        if (!(input.getCause() instanceof DecodingException decoding)) {
            return input.getReason() == null ? "could not be read" : input.getReason();
        }
        // The parser read valid JSON of the wrong shape, e.g. false or [] where an object is expected.
        return decoding.getCause() instanceof MismatchedInputException ? "must be a JSON object of this operation"
                : "is not valid JSON";
    }

    /** The path asked for, unless it is too long or too odd to be worth echoing. */
    private static URI instance(String path) {
        if (path.length() > 1024) {
            return null;
        }
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** RFC 9457 members first, then the extension members at the top level. */
    private static Map<String, Object> asJson(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", problem.getInstance() == null ? null : problem.getInstance().toString());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    private static ProblemDetail validation(String detail, List<Map<String, Object>> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        return problem;
    }
}
