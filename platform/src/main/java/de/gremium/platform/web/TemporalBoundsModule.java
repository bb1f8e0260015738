package de.gremium.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.Optional;

/**
 * Request bodies: each date, date-time and instant is checked against {@link TemporalBounds} as it is
 * read, by wrapping whatever deserializer reads its type (jackson-datatype-jsr310's, with any
 * {@code @JsonFormat}). A value outside fails the body with {@link OutOfBounds}, which carries the JSON
 * path ({@code extraSlots[0]}) to {@link ProblemDetailsAdvice}.
 *
 * <p>Registered for the HTTP message converters only ({@link WebAutoConfiguration}): Axon's events and
 * tokens, the audit log and the OParl reader share the application's ObjectMapper and must read what is
 * stored or sent, whatever its year.
 */
public final class TemporalBoundsModule extends SimpleModule {

    public TemporalBoundsModule() {
        super("gremium-temporal-bounds");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return TemporalBounds.isBounded(description.getBeanClass()) ? new Bounded(deserializer) : deserializer;
            }
        });
    }

    /** A value the JSON held in a valid form, outside the bounds; the path is added as the exception leaves each level. */
    public static final class OutOfBounds extends JsonMappingException {

        OutOfBounds(JsonParser parser, String reason) {
            super(parser, reason);
        }
    }

    static final class Bounded extends DelegatingDeserializer {

        Bounded(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Bounded(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            Optional<String> problem = TemporalBounds.problem(value);
            if (problem.isPresent()) {
                throw new OutOfBounds(parser, problem.get());
            }
            return value;
        }
    }
}
