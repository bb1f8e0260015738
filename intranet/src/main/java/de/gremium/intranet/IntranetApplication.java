package de.gremium.intranet;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The group's pages: one address, one sign-in, German, server-rendered. Reads the query side's views and sends the
 * command side's commands over HTTP with the signed-in person's identity; depends on neither side in code
 * (docs/adr/0006-intranet.md).
 */
@SpringBootApplication
public class IntranetApplication {

    /** The launcher runs the intranet beside both sides in one JVM, so it reads its own properties file. */
    public static final String CONFIG_NAME = "spring.config.name=intranet";

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(IntranetApplication.class).main(IntranetApplication.class)
                .properties(CONFIG_NAME).run(args);
    }
}
