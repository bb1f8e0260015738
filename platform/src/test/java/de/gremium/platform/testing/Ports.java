package de.gremium.platform.testing;

import org.springframework.context.ConfigurableApplicationContext;

/** The port a started context's web server listens on. */
public final class Ports {

    private Ports() {
    }

    public static int of(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
