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
 * A one-line field (a name, a headline): {@link Storable}, and without line breaks. The same rule as
 * {@link FormErrors#singleLine}, with the same two messages.
 */
@Documented
@Constraint(validatedBy = SingleLine.Check.class)
@Target({FIELD, METHOD})
@Retention(RUNTIME)
public @interface SingleLine {

    /** What the field is called in the message, such as "Headline". */
    String label();

    /** Check the text as it is stored, without the white space at its ends (a headline is stored stripped). */
    boolean stripped() default false;

    String message() default "{copydesk.SingleLine.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<SingleLine, String> {

        private boolean stripped;

        @Override
        public void initialize(SingleLine annotation) {
            stripped = annotation.stripped();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String text = value != null && stripped ? value.strip() : value;
            if (Text.hasControlCharacters(text)) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(Text.CONTROL_CHARACTERS_MESSAGE).addConstraintViolation();
                return false;
            }
            return text == null || (!text.contains("\n") && !text.contains("\r"));
        }
    }
}
