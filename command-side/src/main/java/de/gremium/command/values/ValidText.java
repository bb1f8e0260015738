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
 * A request field that holds a text of one {@link TextKind}, checked at the edge by the same check the aggregates
 * use: {@code @ValidText(TITLE) String title}, {@code @ValidText(value = TEXT, required = false) String note}.
 */
@Documented
@Constraint(validatedBy = ValidText.Check.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE}) // where @NotBlank may stand
@Retention(RUNTIME)
public @interface ValidText {

    TextKind value();

    /** Whether the text must be given and not blank; an optional one is checked for its length only. */
    boolean required() default true;

    /** Unused: the reason comes from {@link TextKind#problem}. */
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Asks the text's kind. */
    final class Check extends ValueCheck<ValidText> {

        private TextKind kind;
        private boolean required;

        @Override
        public void initialize(ValidText annotation) {
            kind = annotation.value();
            required = annotation.required();
        }

        @Override
        Optional<String> problem(String value) {
            return kind.problem(value, required);
        }
    }
}
