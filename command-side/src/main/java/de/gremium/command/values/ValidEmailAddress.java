package de.gremium.command.values;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Optional;

/**
 * A request field that may hold an {@link EmailAddress}: left out, null or blank is none; anything else is checked
 * (without the spaces around it, which the controller drops with {@link EmailAddress#normalise}) by the address's own
 * rule.
 */
@Documented
@Constraint(validatedBy = ValidEmailAddress.Check.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE}) // where @NotBlank may stand
@Retention(RUNTIME)
public @interface ValidEmailAddress {

    /** Unused: the reason comes from {@link EmailAddress#problem}. */
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Asks {@link EmailAddress}. */
    final class Check extends ValueCheck<ValidEmailAddress> {

        @Override
        Optional<String> problem(String value) {
            return EmailAddress.problem(EmailAddress.normalise(value));
        }
    }
}
