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

    private final HostNames hostNames;
    private final Set<String> allowedHosts;

    WebhookTargets(HostNames hostNames, @Value("${notification.webhooks.allowed-hosts:}") List<String> allowedHosts) {
        this.hostNames = hostNames;
        this.allowedHosts = allowedHosts.stream().map(String::trim).filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Refuses, as a 400 naming the field {@code url}, a URL that is malformed or leads to an unsafe address. */
    public URI checkRegistration(String url) {
        URI uri = parse(url).orElseThrow(() -> new InvalidInput("url", "must be an absolute http or https URL"));
        try {
            resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw new InvalidInput("url", "host " + uri.getHost() + " does not resolve");
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
                throw new UnsafeTarget(host + " resolves to a " + refusal.get());
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
            return web && uri.getHost() != null && uri.getUserInfo() == null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
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
