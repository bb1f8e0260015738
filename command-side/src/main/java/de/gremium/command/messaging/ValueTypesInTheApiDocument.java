package de.gremium.command.messaging;

import de.gremium.command.values.EmailAddress;
import de.gremium.command.values.IndicatorCode;
import de.gremium.command.values.ValidEmailAddress;
import de.gremium.command.values.ValidIndicatorCode;
import de.gremium.command.values.ValidText;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.stereotype.Component;

/**
 * The OpenAPI document shows the limits of the value types as it showed {@code @Size} and {@code @Pattern}: a text's
 * {@code maxLength} (and {@code minLength} 1 when it is required), an indicator code's {@code pattern}, an e-mail
 * address's {@code format} and {@code maxLength}.
 */
@Component
class ValueTypesInTheApiDocument implements PropertyCustomizer {

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema customize(Schema property, AnnotatedType type) {
        if (property == null || type.getCtxAnnotations() == null) {
            return property;
        }
        for (Annotation annotation : type.getCtxAnnotations()) {
            if (annotation instanceof ValidText text) {
                property.setMaxLength(text.value().max());
                if (text.required()) {
                    property.setMinLength(1);
                }
            } else if (annotation instanceof ValidIndicatorCode) {
                property.setPattern(IndicatorCode.FORMAT);
            } else if (annotation instanceof ValidEmailAddress) {
                property.setFormat("email");
                property.setMaxLength(EmailAddress.MAX);
            }
        }
        return property;
    }
}
