package dev.gansvc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gansvc.GanServiceApplication;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;

/** Open mode listens on the loopback only, and refuses another address unless told it may. */
class OpenModeAddressTest {

    @Test
    void openModeBindsToTheLoopbackWhenNoAddressIsConfigured() {
        var factory = new TomcatServletWebServerFactory();
        new OpenModeAddress(new SecurityProperties(null, null, false)).customize(factory);
        assertThat(factory.getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
        assertThat(factory.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void openModeOnAnotherAddressNeedsAllowOpenOnNetwork() throws Exception {
        var factory = new TomcatServletWebServerFactory();
        factory.setAddress(InetAddress.getByName("192.0.2.1"));
        assertThatThrownBy(() -> new OpenModeAddress(new SecurityProperties(SecurityProperties.Mode.OPEN, null, false))
                        .customize(factory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gan.security.allow-open-on-network");
        assertThatCode(() -> new OpenModeAddress(new SecurityProperties(SecurityProperties.Mode.OPEN, null, true))
                        .customize(factory))
                .doesNotThrowAnyException();
        assertThat(factory.getAddress().getHostAddress()).isEqualTo("192.0.2.1");
    }

    @Test
    void keysModeLeavesTheAddressAlone() {
        var factory = new TomcatServletWebServerFactory();
        new OpenModeAddress(new SecurityProperties(SecurityProperties.Mode.KEYS, "k", false)).customize(factory);
        assertThat(factory.getAddress()).isNull();
    }

    @Test
    void theServiceRefusesToStartOpenOnANetworkAddress() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(GanServiceApplication.class)
                        .properties(
                                "spring.datasource.url=jdbc:h2:mem:open-on-network;DB_CLOSE_DELAY=-1",
                                "gan.workers.enabled=false",
                                "server.port=0",
                                "server.address=0.0.0.0")
                        .run()
                        .close())
                .hasStackTraceContaining("gan.security.mode is open")
                .hasStackTraceContaining("gan.security.allow-open-on-network=true");
    }
}
