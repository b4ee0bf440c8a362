package fr.la27eregion.platform.request;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientNetworkTest {

    @Test
    void anIpv4AddressIsItsOwnNetwork() {
        assertThat(ClientNetwork.of("192.0.2.7")).isEqualTo("192.0.2.7");
    }

    @Test
    void everyAddressOfAnIpv6Slash64IsOneClient() {
        assertThat(ClientNetwork.of("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientNetwork.of("2001:0DB8:0001:0002:ffff:eeee:dddd:cccc")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientNetwork.of("2001:db8:1:3::1")).as("the next /64 is another client")
                .isEqualTo("2001:db8:1:3::/64");
        assertThat(ClientNetwork.of("::1")).isEqualTo("0:0:0:0::/64");
    }

    @Test
    void anIpv4MappedAddressIsTheIpv4Address() {
        assertThat(ClientNetwork.of("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
    }

    @Test
    void whatIsNoAddressIsLeftAsItIs() {
        assertThat(ClientNetwork.of("unknown")).isEqualTo("unknown");
        assertThat(ClientNetwork.of("example.org")).isEqualTo("example.org");
        assertThat(ClientNetwork.of("not:an:address:at:all:zz")).isEqualTo("not:an:address:at:all:zz");
        assertThat(ClientNetwork.of(null)).isNull();
    }
}
