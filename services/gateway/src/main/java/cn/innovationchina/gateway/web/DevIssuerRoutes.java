package cn.innovationchina.gateway.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;

import cn.innovationchina.gateway.application.DevTokenIssuer;
import cn.innovationchina.gateway.application.PilotCityAdministrators;
import cn.innovationchina.gateway.domain.DemoUser;
import cn.innovationchina.platform.problem.InvalidInput;
import cn.innovationchina.platform.security.Role;
import reactor.core.publisher.Mono;

/**
 * The development issuer's endpoints: the login page listing the demo users of each role, each with a line on what
 * it can try in the demo world ({@code GET /dev/login}),
 * the same list as JSON ({@code GET /dev/users}), a token for one of them ({@code POST /dev/token} with
 * {@code {"user": id}} or the form field {@code user}) and the public key ({@code GET /.well-known/jwks.json}). The
 * demo users are the configured ones and the city administrators the pilot-city list names at that moment.
 * The login page keeps the token in the tab's {@code sessionStorage} ({@code innovation-china.token}, and the user as
 * {@code innovation-china.user}) and returns to the console: only to a path of the console ({@code redirect}, checked
 * here), and with the token in the fragment only beside the console's one-time {@code state}
 * ({@code #access_token=...&state=...}). Its script and style are files of their own, so the page runs under the
 * console's Content-Security-Policy (no inline script).
 */
class DevIssuerRoutes {

    static final String JWKS_PATH = "/.well-known/jwks.json";
    private static final ParameterizedTypeReference<Map<String, String>> JSON_OBJECT =
            new ParameterizedTypeReference<>() {
            };
    private static final Map<Role, String> ROLE_NAMES = Map.of(Role.ENTERPRISE, "企业 Enterprise",
            Role.EXPERT, "专家与机构 Expert, institute or society", Role.CITY_ADMIN, "城市管理员 City administrator",
            Role.PLATFORM_ADMIN, "平台管理员 Platform administrator");

    /**
     * A path of the console: one leading slash, then plain segments (no empty, {@code .} or {@code ..} one); no
     * backslash, percent sign, colon or second slash, so nothing a browser could read as another host.
     */
    private static final Pattern CONSOLE_PATH = Pattern.compile(
            "/((?!\\.{1,2}(/|$))[A-Za-z0-9._~-]+(/(?!\\.{1,2}(/|$))[A-Za-z0-9._~-]+)*/?)?");
    /** The console's one-time value: what it generates (base64url of 32 random bytes) and nothing else. */
    private static final Pattern STATE = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    private final DevTokenIssuer issuer;
    private final PilotCityAdministrators administrators;
    private final DevLoginProperties login;

    DevIssuerRoutes(DevTokenIssuer issuer, PilotCityAdministrators administrators, DevLoginProperties login) {
        this.issuer = issuer;
        this.administrators = administrators;
        this.login = login;
    }

    RouterFunction<ServerResponse> routes() {
        return route(GET("/dev/login"), request -> users().flatMap(users -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noStore())
                        .bodyValue(loginPage(users, wayBack(request.queryParam("redirect").orElse(null)),
                                state(request.queryParam("state").orElse(null))))))
                .andRoute(GET("/dev/login.js"), request -> ServerResponse.ok()
                        .contentType(MediaType.parseMediaType("text/javascript;charset=UTF-8")).bodyValue(SCRIPT))
                .andRoute(GET("/dev/login.css"), request -> ServerResponse.ok()
                        .contentType(MediaType.parseMediaType("text/css;charset=UTF-8")).bodyValue(STYLE))
                .andRoute(GET("/dev/users"), request -> users().flatMap(users -> ServerResponse.ok()
                        .cacheControl(CacheControl.noStore()).bodyValue(users)))
                .andRoute(POST("/dev/token"), this::token)
                .andRoute(GET(JWKS_PATH), request -> ServerResponse.ok()
                        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5))).bodyValue(issuer.jwks()));
    }

    private Mono<ServerResponse> token(ServerRequest request) {
        boolean form = request.headers().contentType()
                .map(MediaType.APPLICATION_FORM_URLENCODED::isCompatibleWith).orElse(false);
        Mono<String> userId = form
                ? request.formData().mapNotNull(data -> data.getFirst("user"))
                : request.bodyToMono(JSON_OBJECT).mapNotNull(body -> body.get("user"));
        return userId.defaultIfEmpty("")
                .flatMap(id -> users().map(users -> users.stream().filter(user -> user.id().equals(id)).findFirst()
                        .orElseThrow(() -> new InvalidInput("user",
                                "Not a demo user: '" + id + "'; GET /dev/users lists them"))))
                .flatMap(user -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("access_token", issuer.mint(user));
                    body.put("token_type", "Bearer");
                    body.put("expires_in", issuer.validity().toSeconds());
                    body.put("user", user);
                    return ServerResponse.ok().cacheControl(CacheControl.noStore()).bodyValue(body);
                });
    }

    /** The configured demo users, then the administrators the pilot-city list names (a configured id wins). */
    private Mono<List<DemoUser>> users() {
        return administrators.all().map(listed -> {
            List<DemoUser> users = new ArrayList<>(issuer.users());
            listed.stream().filter(user -> issuer.user(user.id()).isEmpty()).forEach(users::add);
            return users;
        });
    }

    private String loginPage(List<DemoUser> users, String wayBack, String state) {
        var sections = new StringBuilder();
        for (Role role : Role.values()) {
            sections.append("<section><h2>").append(HtmlUtils.htmlEscape(ROLE_NAMES.get(role))).append("</h2><ul>");
            for (DemoUser user : users) {
                if (user.role() == role) {
                    sections.append("<li><button type=\"button\" data-user=\"").append(HtmlUtils.htmlEscape(user.id()))
                            .append("\">").append(HtmlUtils.htmlEscape(user.name())).append("</button> <small>")
                            .append(HtmlUtils.htmlEscape(describe(user))).append("</small>");
                    String canTry = login.canTry().get(user.id());
                    if (canTry != null) {
                        sections.append("<p class=\"try\">").append(HtmlUtils.htmlEscape(canTry)).append("</p>");
                    }
                    sections.append("</li>");
                }
            }
            sections.append("</ul></section>");
        }
        return PAGE.replace("{{redirect}}", HtmlUtils.htmlEscape(wayBack)).replace("{{state}}", state)
                .replace("{{sections}}", sections);
    }

    private static String describe(DemoUser user) {
        var parts = new StringBuilder(user.id());
        for (String value : new String[] {user.organisationId(), user.providerId(), user.cityCode()}) {
            if (value != null) {
                parts.append(" · ").append(value);
            }
        }
        return parts.toString();
    }

    /** Where the login may send the user back to: the path asked for when it is the console's, else the start. */
    static String wayBack(String redirect) {
        return redirect != null && CONSOLE_PATH.matcher(redirect).matches() ? redirect : "/";
    }

    private static String state(String state) {
        return state != null && STATE.matcher(state).matches() ? state : "";
    }

    private static final String PAGE = """
            <!doctype html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>开发登录 · Development sign-in</title>
            <link rel="icon" href="/favicon.svg" type="image/svg+xml">
            <link rel="stylesheet" href="/dev/login.css">
            <script src="/dev/login.js" defer></script>
            </head>
            <body>
            <main data-redirect="{{redirect}}" data-state="{{state}}">
            <h1>开发登录 · Development sign-in</h1>
            <p class="note">选择一个演示用户。此页面仅在开发环境 (dev profile) 中存在；devstack 启动时载入演示数据
            （除非使用 --empty），每位用户下方写明可以尝试的操作。<br>
            Pick a demo user. This page exists only with the gateway's dev profile; its tokens are signed with the
            development key. The devstack loads the demo world when it starts (unless --empty); the line under each
            user says what it can try there.</p>
            <p id="error" role="alert"></p>
            {{sections}}
            </main>
            </body>
            </html>
            """;

    private static final String STYLE = """
            body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; background: #f4f6f8; }
            main { max-width: 44rem; margin: 0 auto; padding: 1.5rem; }
            h1 { font-size: 1.4rem; } h2 { font-size: 1.05rem; margin-top: 1.5rem; }
            ul { list-style: none; padding: 0; } li { margin: .4rem 0; }
            button { font: inherit; padding: .5rem .9rem; border: 1px solid #1f6feb; background: #fff; color: #1f6feb;
                     border-radius: .4rem; cursor: pointer; min-width: 14rem; text-align: left; }
            button:hover, button:focus { background: #1f6feb; color: #fff; }
            small { color: #57606a; } .note { color: #57606a; } #error { color: #cf222e; }
            .try { margin: .2rem 0 0; font-size: .9rem; color: #24292f; }
            """;

    /**
     * Keeps the token in this tab (the console, on the same origin, finds it there) and returns to the console by
     * the way back the server checked. With the console's one-time state, the token travels in the fragment too,
     * beside that state: the console takes it only if the state is the one it stored before sending the user here.
     */
    private static final String SCRIPT = """
            const main = document.querySelector('main');
            document.querySelectorAll('button[data-user]').forEach(function (button) {
              button.addEventListener('click', async function () {
                const answer = await fetch('/dev/token', {method: 'POST',
                    headers: {'Content-Type': 'application/json'}, body: JSON.stringify({user: button.dataset.user})});
                const body = await answer.json();
                if (!answer.ok) { document.getElementById('error').textContent = body.detail; return; }
                sessionStorage.setItem('innovation-china.token', body.access_token);
                sessionStorage.setItem('innovation-china.user', JSON.stringify(body.user));
                const back = main.dataset.redirect || '/';
                const state = main.dataset.state;
                location.assign(state ? back + '#access_token=' + encodeURIComponent(body.access_token)
                    + '&state=' + encodeURIComponent(state) : back);
              });
            });
            """;
}
