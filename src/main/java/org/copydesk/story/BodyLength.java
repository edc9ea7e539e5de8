package org.copydesk.story;

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
 * The body's length as the writer knows it: the characters of its text, whether it came as plain text (the form
 * without JavaScript) or as HTML (the rich-text editor). Counting the HTML refused, on its next save from the
 * editor, a story of 990,000 characters that had been saved as plain text: its paragraphs' markup took it over.
 * The markup itself is held to a wider bound, so a body cannot grow without end in tags that show nothing.
 */
@Documented
@Constraint(validatedBy = BodyLength.Check.class)
@Target({FIELD, METHOD})
@Retention(RUNTIME)
public @interface BodyLength {

    /** Characters of text. */
    int max();

    /** Characters of the body as sent, markup and all. */
    int markupMax();

    String message() default "{story.body.size}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<BodyLength, String> {
        private int max;
        private int markupMax;

        @Override
        public void initialize(BodyLength rule) {
            max = rule.max();
            markupMax = rule.markupMax();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (value.length() > markupMax) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("{story.body.markup}").addConstraintViolation();
                return false;
            }
            return BodyHtml.textLength(value) <= max;
        }
    }
}
