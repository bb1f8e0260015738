package de.gremium.platform.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.pattern.PatternLayoutEncoderBase;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Once Spring Boot has configured Logback, every pattern (console, file) writes its message ({@code %m},
 * {@code %msg}, {@code %message}) through {@link EscapedMessageConverter}: user-controlled text cannot forge log
 * lines. The patterns stay as configured ({@code logging.pattern.*}). Structured logs
 * ({@code logging.structured.format.*}) are JSON, escaped by their encoder.
 */
public final class EscapedLogMessages implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private static final List<String> MESSAGE_WORDS = List.of("m", "msg", "message");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            escapeMessages(context);
        }
    }

    /** Registers the converter with the context, then restarts the pattern encoders so that they take it up. */
    static void escapeMessages(LoggerContext context) {
        @SuppressWarnings("unchecked")
        Map<String, Supplier<DynamicConverter<?>>> rules =
                (Map<String, Supplier<DynamicConverter<?>>>) context.getObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
        if (rules == null) {
            rules = new HashMap<>();
            context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
        }
        for (String word : MESSAGE_WORDS) {
            rules.put(word, EscapedMessageConverter::new);
        }
        for (ch.qos.logback.classic.Logger logger : context.getLoggerList()) {
            for (Iterator<Appender<ILoggingEvent>> appenders = logger.iteratorForAppenders(); appenders.hasNext(); ) {
                if (appenders.next() instanceof OutputStreamAppender<ILoggingEvent> appender
                        && appender.getEncoder() instanceof PatternLayoutEncoderBase<ILoggingEvent> encoder
                        && encoder.isStarted()) {
                    encoder.stop();
                    encoder.start(); // a new layout, its converters looked up again
                }
            }
        }
    }

    /** Right after Spring Boot's logging listener, which configures Logback on this event. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
