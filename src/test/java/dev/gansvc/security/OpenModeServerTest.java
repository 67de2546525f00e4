package dev.gansvc.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.support.ServiceTest;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** The service as the other tests run it (open mode, no server.address) listens on 127.0.0.1 only. */
@ServiceTest
class OpenModeServerTest {

    @Autowired
    WebServerApplicationContext context;

    @Test
    void listensOnTheLoopbackOnly() {
        Object address = ((TomcatWebServer) context.getWebServer())
                .getTomcat()
                .getConnector()
                .getProperty("address");
        assertThat(address).isInstanceOf(InetAddress.class);
        assertThat(((InetAddress) address).getHostAddress()).isEqualTo("127.0.0.1");
    }
}
