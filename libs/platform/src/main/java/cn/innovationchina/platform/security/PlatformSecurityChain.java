package cn.innovationchina.platform.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.web.server.SecurityWebFilterChain;

import cn.innovationchina.platform.web.ProblemWebExceptionHandler;

/**
 * The one way the platform checks a request: stateless (no session, form, basic auth or CSRF), the platform's
 * bearer token with its claims ({@link PlatformTokenConverter}), refusals as problem documents. Each front (a
 * service, the gateway) only says which paths are public.
 */
public final class PlatformSecurityChain {

    private PlatformSecurityChain() {
    }

    public static SecurityWebFilterChain build(ServerHttpSecurity http, ProblemWebExceptionHandler problems,
            Customizer<AuthorizeExchangeSpec> paths) {
        var handlers = new ProblemSecurityHandlers(problems);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(paths)
                .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .oauth2ResourceServer(resource -> resource
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new PlatformTokenConverter()))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .build();
    }
}
