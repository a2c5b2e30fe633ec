package cn.innovationchina.platform.web;

import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;

import cn.innovationchina.platform.problem.InvalidInput;
import reactor.core.publisher.Mono;

/**
 * A path the security firewall refuses (an encoded {@code ..} or slash, {@code %00}, a backslash, ...) is a 400
 * problem naming the path, like every other refusal, instead of the firewall's empty answer.
 */
public class PathRejections implements ServerExchangeRejectedHandler {

    private final ProblemWebExceptionHandler problems;

    public PathRejections(ProblemWebExceptionHandler problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return problems.handle(exchange, new InvalidInput("path", "contains an encoded or control sequence that is"
                + " not allowed (such as %2e%2e, %2f, %00 or a backslash)"));
    }
}
