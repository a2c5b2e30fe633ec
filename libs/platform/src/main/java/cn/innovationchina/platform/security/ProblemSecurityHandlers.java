package cn.innovationchina.platform.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import cn.innovationchina.platform.web.ProblemWebExceptionHandler;
import reactor.core.publisher.Mono;

/** 401 and 403 from the security filters as the same problem documents as every other error. */
public class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemWebExceptionHandler problems;

    public ProblemSecurityHandlers(ProblemWebExceptionHandler problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException denied) {
        exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
        return problems.handle(exchange, denied);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.handle(exchange, denied);
    }
}
