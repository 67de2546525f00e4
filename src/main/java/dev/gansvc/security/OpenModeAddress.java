package dev.gansvc.security;

import java.net.InetAddress;
import org.springframework.boot.web.server.AbstractConfigurableWebServerFactory;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * In {@code open} mode, where no key is needed, the server listens on 127.0.0.1 unless
 * {@code server.address} says otherwise; an address other than a loopback one is refused at
 * start-up unless {@code gan.security.allow-open-on-network=true}. Runs after Spring Boot's own
 * customizer, which applies {@code server.address}.
 */
@Component
public class OpenModeAddress implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

    private final SecurityProperties properties;

    public OpenModeAddress(SecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        if (properties.mode() != SecurityProperties.Mode.OPEN) {
            return;
        }
        InetAddress address = factory instanceof AbstractConfigurableWebServerFactory a ? a.getAddress() : null;
        if (address == null) {
            factory.setAddress(InetAddress.getLoopbackAddress());
        } else if (!address.isLoopbackAddress() && !properties.allowOpenOnNetwork()) {
            throw new IllegalStateException("gan.security.mode is open (no API key needed) but server.address is "
                    + address.getHostAddress()
                    + ", not a loopback address: set gan.security.mode=keys (with gan.security.admin-key), "
                    + "or remove server.address to listen on 127.0.0.1 only, "
                    + "or set gan.security.allow-open-on-network=true to serve without keys on the network");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
