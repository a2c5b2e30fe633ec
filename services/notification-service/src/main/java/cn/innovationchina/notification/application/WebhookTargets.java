package cn.innovationchina.notification.application;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.innovationchina.notification.domain.UnsafeAddresses;
import cn.innovationchina.platform.problem.InvalidInput;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;

/**
 * The SSRF guard of webhooks: a URL may only lead to public addresses. It is checked when the endpoint is
 * registered, and again at every send by the resolver the HTTP client connects through, so the address connected to
 * is the one just checked (a name that later resolves inside the network is refused then). Hosts listed in
 * {@code notification.webhooks.allowed-hosts} (none by default; {@code localhost} in the devstack) skip the check.
 */
@Component
public class WebhookTargets {

    private static final Pattern FULL_IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern NUMERIC_LABEL = Pattern.compile("(?i)\\d+|0x[0-9a-f]*");

    private final HostNames hostNames;
    private final Set<String> allowedHosts;

    WebhookTargets(HostNames hostNames, @Value("${notification.webhooks.allowed-hosts:}") List<String> allowedHosts) {
        this.hostNames = hostNames;
        this.allowedHosts = allowedHosts.stream().map(String::trim).filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Refuses, as a 400 naming the field {@code url}, a URL that is malformed, whose host is neither a DNS name nor
     * a full IP address (127.1, 2130706433, 0x7f.0.0.1: shorthands resolvers read as loopback), or that leads to an
     * unsafe address; without telling what a name resolves to, or whether it resolves at all: a name that leads to a
     * private address and one that does not exist are refused alike, so the refusals cannot map internal names.
     */
    public URI checkRegistration(String url) {
        URI uri = parse(url).orElseThrow(() -> new InvalidInput("url", "must be an absolute http or https URL"));
        if (uri.getHost() == null || !isNameOrFullAddress(uri.getHost())) {
            throw new InvalidInput("url", "has a host that is not a host name or a full IP address: "
                    + (uri.getHost() == null ? uri.getRawAuthority() : uri.getHost()));
        }
        try {
            resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw new InvalidInput("url", notPublic(uri.getHost()));
        } catch (UnsafeTarget e) {
            throw new InvalidInput("url", e.getMessage());
        }
        return uri;
    }

    /** The host's addresses when every one is safe (or the host is allowed); otherwise {@link UnsafeTarget}. */
    InetAddress[] resolve(String host) throws UnknownHostException {
        String name = bare(host);
        InetAddress[] addresses = hostNames.resolve(name);
        if (allowedHosts.contains(name.toLowerCase(Locale.ROOT))) {
            return addresses;
        }
        // One unsafe answer refuses the name: a client may pick any of them.
        for (InetAddress address : addresses) {
            Optional<String> refusal = UnsafeAddresses.refusal(address);
            if (refusal.isPresent()) {
                throw new UnsafeTarget(isAddress(host) ? host + " is a " + refusal.get() : notPublic(host));
            }
        }
        return addresses;
    }

    /** The resolver the webhook client connects through: only checked addresses reach a socket. */
    AddressResolverGroup<InetSocketAddress> resolverGroup() {
        return new AddressResolverGroup<>() {
            @Override
            protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
                return new InetNameResolver(executor) {
                    @Override
                    protected void doResolve(String host, Promise<InetAddress> promise) {
                        try {
                            promise.setSuccess(WebhookTargets.this.resolve(host)[0]);
                        } catch (UnknownHostException | RuntimeException e) {
                            promise.setFailure(e);
                        }
                    }

                    @Override
                    protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
                        try {
                            promise.setSuccess(Arrays.asList(WebhookTargets.this.resolve(host)));
                        } catch (UnknownHostException | RuntimeException e) {
                            promise.setFailure(e);
                        }
                    }
                }.asAddressResolver();
            }
        };
    }

    private static Optional<URI> parse(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            // A host java.net.URI cannot read as a name or an address leaves a registry-based authority (no host).
            return web && uri.getRawAuthority() != null && !uri.getRawAuthority().contains("@")
                    ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * A DNS name (its last label not a number), four decimal octets without leading zeros, or an IPv6 literal in
     * brackets: what every resolver reads the same way. Shorthands (127.1), plain numbers (2130706433), octal or
     * hexadecimal parts (0177.0.0.1, 0x7f.0.0.1) are read as loopback by some resolvers and as names by others.
     */
    private static boolean isNameOrFullAddress(String host) {
        if (host.startsWith("[")) {
            return host.endsWith("]");
        }
        if (FULL_IPV4.matcher(host).matches()) {
            return true;
        }
        String last = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        last = last.substring(last.lastIndexOf('.') + 1);
        return !last.isEmpty() && !NUMERIC_LABEL.matcher(last).matches();
    }

    static String notPublic(String host) {
        return "host " + host + " does not resolve to a public address";
    }

    private static boolean isAddress(String host) {
        return host.startsWith("[") || FULL_IPV4.matcher(host).matches();
    }

    /** An IPv6 literal comes in brackets in a URL. */
    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** A webhook target that leads to an address the platform must not call. */
    static final class UnsafeTarget extends RuntimeException {
        UnsafeTarget(String message) {
            super(message);
        }
    }
}
