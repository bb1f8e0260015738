package de.gremium.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EscapedLogMessagesTest {

    @Test
    void aLineBreakOrAnEscapeSequenceInAMessageIsWrittenAsAnEscapeOnTheSameLine() {
        LoggerContext context = new LoggerContext();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        Logger logger = logger(context, "%level %logger - %m%n", written);

        EscapedLogMessages.escapeMessages(context);
        logger.warn("report {} not found", "r-1\r\nINFO access - granted\u001b[0m\u2028tab\tkept");

        assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo(
                "WARN refusals - report r-1\\r\\nINFO access - granted\\u001b[0m\\u2028tab\tkept not found"
                        + System.lineSeparator());
    }

    @Test
    void withoutTheConverterTheSameMessageForgesALine() {
        LoggerContext context = new LoggerContext();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        Logger logger = logger(context, "%level %logger - %m%n", written);

        logger.warn("report {} not found", "r-1\nINFO access - granted");

        assertThat(written.toString(StandardCharsets.UTF_8).lines()).hasSize(2);
    }

    private static Logger logger(LoggerContext context, String pattern, ByteArrayOutputStream out) {
        context.setMDCAdapter(new LogbackMDCAdapter());
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(out); // before start, which refuses an appender without one
        appender.start();
        Logger logger = context.getLogger("refusals");
        logger.setAdditive(false);
        logger.addAppender(appender);
        return logger;
    }
}
