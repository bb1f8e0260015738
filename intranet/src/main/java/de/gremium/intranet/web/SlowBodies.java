package de.gremium.intranet.web;

import java.time.Duration;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The intranet's forms are read by Tomcat before anyone is signed in (the sign-in form itself): a form body may pause
 * at most {@code gremium.intranet.body-read-timeout} between two reads (Tomcat's upload timeout: the read fails and the
 * connection is closed), its size is bounded ({@code server.tomcat.max-http-form-post-size}), and Tomcat swallows
 * nothing of a body the application left unread. So a client trickling a body holds a worker for at most the form's
 * size times the timeout; the reverse proxy in front (which buffers bodies) bounds the rest (docs/security.md).
 */
@Configuration(proxyBeanMethods = false)
class SlowBodies {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> intranetSlowBodies(
            @Value("${gremium.intranet.body-read-timeout:5s}") Duration readTimeout) {
        return factory -> factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setDisableUploadTimeout(false);
                http.setConnectionUploadTimeout((int) readTimeout.toMillis());
                http.setMaxSwallowSize(0);
            }
        });
    }
}
