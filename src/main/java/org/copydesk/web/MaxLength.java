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

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * At most {@code value} characters as a reader counts them ({@link Text#length}: an emoji is one), by default
 * without the white space at the ends, which is not stored. The message can say how many there are ({length}).
 */
@Documented
@Constraint(validatedBy = MaxLength.Check.class)
@Target({FIELD, METHOD})
@Retention(RUNTIME)
public @interface MaxLength {

    int value();

    /** What the field is called in the message, such as "Headline". */
    String label() default "";

    boolean stripped() default true;

    String message() default "{copydesk.MaxLength.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<MaxLength, String> {

        private int max;
        private boolean stripped;

        @Override
        public void initialize(MaxLength annotation) {
            max = annotation.value();
            stripped = annotation.stripped();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            int length = Text.length(value != null && stripped ? value.strip() : value);
            if (length <= max) {
                return true;
            }
            context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("length", length);
            return false;
        }
    }
}
