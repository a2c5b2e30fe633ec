package cn.innovationchina.notification.scenarios;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import cn.innovationchina.notification.application.HostNames;
import cn.innovationchina.testkit.TestClock;

/** Time and name resolution the tests can move: the service's clock and the DNS its webhooks resolve through. */
@Configuration
class TestInfrastructure {

    /** Replaces the platform's system clock (it steps aside for any Clock bean). */
    @Bean
    TestClock clock() {
        return new TestClock();
    }

    @Bean
    @Primary
    TestDns testDns() {
        return new TestDns();
    }

    /** The system's resolver, except for names a test points somewhere, as DNS answers change in real life. */
    static final class TestDns implements HostNames {

        private final Map<String, InetAddress> pointed = new ConcurrentHashMap<>();
        private final Set<String> missing = ConcurrentHashMap.newKeySet();

        void point(String host, String address) {
            try {
                pointed.put(host, InetAddress.getByName(address));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(address, e);
            }
        }

        /** The name exists nowhere, answered at once (the system's resolver may wait for a server it cannot reach). */
        void unknown(String host) {
            missing.add(host);
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            if (missing.contains(host)) {
                throw new UnknownHostException(host);
            }
            InetAddress address = pointed.get(host);
            return address == null ? InetAddress.getAllByName(host) : new InetAddress[] {address};
        }
    }
}
