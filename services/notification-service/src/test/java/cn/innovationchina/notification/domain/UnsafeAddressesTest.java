package cn.innovationchina.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnsafeAddressesTest {

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource({
            "127.0.0.1, loopback",
            "127.255.255.254, loopback",
            "::1, loopback",
            "10.0.0.1, private",
            "10.255.255.255, private",
            "172.16.0.1, private",
            "172.31.255.254, private",
            "192.168.0.1, private",
            "fc00::1, private",
            "fd12:3456:789a::1, private",
            "169.254.0.1, link-local",
            "169.254.169.254, link-local",
            "fe80::1, link-local",
            "febf:ffff::1, link-local",
            "0.0.0.0, unspecified",
            "0.1.2.3, unspecified",
            "::, unspecified",
            "224.0.0.1, multicast",
            "239.255.255.250, multicast",
            "ff02::1, multicast",
            "100.64.0.1, carrier-grade NAT",
            "100.127.255.254, carrier-grade NAT",
            "255.255.255.255, reserved",
            "::ffff:127.0.0.1, loopback",
            "::ffff:10.0.0.1, private",
            "::ffff:169.254.169.254, link-local",
            "::ffff:a9fe:a9fe, link-local",
            "64:ff9b::a9fe:a9fe, link-local",
            "2002:c0a8:0101::1, private",
            "::127.0.0.1, IPv4-compatible",
            "2001:db8::1, documentation",
            "198.18.0.1, benchmarking"})
    void an_address_inside_the_network_is_refused(String address, String kind) throws UnknownHostException {
        assertThat(UnsafeAddresses.refusal(InetAddress.getByName(address))).hasValueSatisfying(
                why -> assertThat(why).startsWith(kind));
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.15.255.255", "172.32.0.1", "100.63.255.255",
            "100.128.0.1", "169.253.255.255", "192.169.0.1", "11.0.0.1", "2606:4700:4700::1111",
            "64:ff9b::808:808", "::ffff:8.8.8.8"})
    void a_public_address_is_allowed(String address) throws UnknownHostException {
        assertThat(UnsafeAddresses.refusal(InetAddress.getByName(address))).isEmpty();
    }
}
