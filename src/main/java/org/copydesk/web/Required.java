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

/**
 * Something typed besides white space ({@link Text#isBlank}). Unlike {@code @NotBlank}, which trims only up to
 * U+0020, white space means what {@link String#strip} takes away, as when the text is stored.
 */
@Documented
@Constraint(validatedBy = Required.Check.class)
@Target({FIELD, METHOD})
@Retention(RUNTIME)
public @interface Required {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Required, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return !Text.isBlank(value);
        }
    }
}
