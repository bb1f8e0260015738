package de.gremium.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The write side: takes commands over HTTP, decides in aggregates, appends events to the store. */
@SpringBootApplication
public class CommandSideApplication {

    /** Both sides can share one JVM (the launcher), so each reads its own properties file. */
    public static final String CONFIG_NAME = "spring.config.name=command-side";

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        // named, not deduced: Spring Boot takes the class whose main method is on the stack (the launcher's, a test
        // runner's), and logs "Started …" and the structured logs' service version under that class
        return new SpringApplicationBuilder(CommandSideApplication.class).main(CommandSideApplication.class).properties(CONFIG_NAME).run(args);
    }
}
