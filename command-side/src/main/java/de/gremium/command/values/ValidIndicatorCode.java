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

/** A request field that holds an {@link IndicatorCode}, checked at the edge by the code's own check. */
@Documented
@Constraint(validatedBy = ValidIndicatorCode.Check.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE}) // where @NotBlank may stand
@Retention(RUNTIME)
public @interface ValidIndicatorCode {

    /** Unused: the reason comes from {@link IndicatorCode#problem}. */
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Asks {@link IndicatorCode}. */
    final class Check extends ValueCheck<ValidIndicatorCode> {

        @Override
        Optional<String> problem(String value) {
            return IndicatorCode.problem(value);
        }
    }
}
