package de.gremium.command.monitoring;

import de.gremium.platform.web.FieldError;
import java.util.List;

/** Input with problems in several places, all of them listed (400): the rows of a file, the targets of a measure. */
class InvalidInput extends RuntimeException {

    private final List<FieldError> errors;

    InvalidInput(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
        return errors;
    }
}
