package de.gremium.command.values;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.annotation.Annotation;
import java.util.Optional;

/** A Bean Validation check that asks a value type, and reports the value type's own reason as the violation. */
abstract class ValueCheck<A extends Annotation> implements ConstraintValidator<A, String> {

    /** Why the value is not acceptable, or empty when it is. */
    abstract Optional<String> problem(String value);

    @Override
    public final boolean isValid(String value, ConstraintValidatorContext context) {
        Optional<String> problem = problem(value);
        if (problem.isEmpty()) {
            return true;
        }
        // the reason is a text, not a message template: braces, dollars and backslashes are meant literally
        String literal = problem.get().replaceAll("([\\\\{}$])", "\\\\$1");
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(literal).addConstraintViolation();
        return false;
    }
}
