package org.copydesk.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** Typed text that can be stored: no invisible control character ({@link Text#hasControlCharacters}). */
@Documented
@Constraint(validatedBy = Storable.Check.class)
@Target({FIELD, METHOD})
@Retention(RUNTIME)
public @interface Storable {

    String message() default Text.CONTROL_CHARACTERS_MESSAGE; // one message, FormErrors.storable's too

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Storable, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return !Text.hasControlCharacters(value);
        }
    }
}
