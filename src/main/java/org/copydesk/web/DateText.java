package org.copydesk.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** Empty, or a date as a date input sends it (2026-11-28). */
@Documented
@Constraint(validatedBy = DateText.Check.class)
@Target({FIELD, METHOD})
@Retention(RUNTIME)
public @interface DateText {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<DateText, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (Text.isBlank(value)) {
                return true;
            }
            try {
                LocalDate.parse(value.strip());
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}
