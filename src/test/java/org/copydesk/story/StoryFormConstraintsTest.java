package org.copydesk.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.groups.Default;

import org.copydesk.web.FormErrors;
import org.copydesk.web.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The story form's own rules, as Bean Validation states them on {@link StoryForm}: the messages of the 93-line
 * method they replace (ValidationMessages.properties), and on a field with two problems the one it always showed.
 */
class StoryFormConstraintsTest {

    static ValidatorFactory factory;
    static Validator validator;

    @BeforeAll
    static void start() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    static StoryForm.Builder valid() {
        StoryForm.Builder form = StoryForm.builder();
        form.headline = "Mali denies hiring Russian mercenaries";
        return form;
    }

    /** Every rule of the form, the image's words' included (as when the form has an image). */
    static FormErrors errors(StoryForm.Builder form) {
        return FormErrors.of(validator.validate(form.build(), Default.class, StoryForm.WithImage.class));
    }

    @Test
    void theImagesWordsRefuseNothingWhenTheFormHasNoImage() {
        StoryForm.Builder form = valid();
        form.imageAlt = "a".repeat(401);
        form.imageCredit = "c".repeat(201);
        StoryForm withoutImage = form.build();
        assertThat(FormErrors.of(validator.validate(withoutImage, withoutImage.ruleGroups())).all()).isEmpty();
        form.imageKey = "an-uploaded-image";
        StoryForm withImage = form.build();
        assertThat(FormErrors.of(validator.validate(withImage, withImage.ruleGroups())).get("imageAlt"))
                .isEqualTo("Alt text must be 400 characters or fewer (it has 401)");
    }

    @Test
    void aFormFilledInProperlyHasNoProblem() {
        StoryForm.Builder form = valid();
        form.kicker = "Analysis";
        form.standfirst = "Two\nlines are fine here";
        form.body = "Paragraph.\n\nAnother, with a tab\tand “quotes” 😀.";
        form.datelineDate = "2026-11-28";
        form.bylines.add(new StoryForm.BylineRow(7L, "Name\nposted with an existing profile is not used", "", false));
        assertThat(errors(form).all()).isEmpty();
    }

    @Test
    void theBodysLengthIsItsTextWhetherItComesAsPlainTextOrAsTheEditorsHtml() {
        // 980,000 characters in 9,800 paragraphs, saved as plain text (999,598 with the blank lines between them):
        // from the editor the same story comes back as HTML, over a million characters with its markup, and must
        // save again.
        String paragraph = "x".repeat(99) + "é";
        String plain = String.join("\n\n", java.util.Collections.nCopies(9_800, paragraph));
        String html = BodyHtml.fromInput(plain);
        assertThat(html.length()).isGreaterThan(StoryService.BODY_MAX);
        StoryForm.Builder form = valid();
        form.body = html;
        assertThat(errors(form).get("body")).isNull();
        form.body = plain;
        assertThat(errors(form).get("body")).isNull();

        form.body = html + "<p>" + "y".repeat(StoryService.BODY_MAX - 980_000 + 1) + "</p>";
        assertThat(errors(form).get("body")).isEqualTo("Body must be 1000000 characters or fewer");
        form.body = "<p>&amp;&nbsp;&#8212;</p>".repeat(10);
        assertThat(BodyHtml.textLength(form.body)).isEqualTo(30);
        form.body = "<p><b></b></p>".repeat(StoryService.BODY_MARKUP_MAX / 14 + 1);
        assertThat(errors(form).get("body")).startsWith("Body's formatting takes over 2000000 characters");
    }

    @Test
    void eachFieldsMessageIsTheOneItHad() {
        StoryForm.Builder form = valid();
        form.headline = "Ü".repeat(201);
        form.kicker = "Two\nlines";
        form.standfirst = "s".repeat(401);
        form.body = "b".repeat(StoryService.BODY_MAX + 1);
        form.datelinePlace = "Moscow\r";
        form.datelineDate = "2026-13-01";
        form.imageAlt = "a".repeat(401);
        form.creditLine = "c".repeat(201);
        form.notesToEditor = "bell \u0007";
        form.bylines.add(new StoryForm.BylineRow(null, "New\nname", "", true));
        form.bylines.add(new StoryForm.BylineRow(3L, "Known", "r".repeat(121), false));
        FormErrors errors = errors(form);
        assertThat(errors.get("headline")).isEqualTo("Headline must be 200 characters or fewer (it has 201)");
        assertThat(errors.get("kicker")).isEqualTo("Kicker must be a single line of text");
        assertThat(errors.get("standfirst")).isEqualTo("Standfirst must be 400 characters or fewer (it has 401)");
        assertThat(errors.get("body")).isEqualTo("Body must be 1000000 characters or fewer");
        assertThat(errors.get("datelinePlace")).isEqualTo("Dateline must be a single line of text");
        assertThat(errors.get("datelineDate")).isEqualTo("Dateline date must be a date like 2026-11-28");
        assertThat(errors.get("imageAlt")).isEqualTo("Alt text must be 400 characters or fewer (it has 401)");
        assertThat(errors.get("creditLine")).isEqualTo("Credit line must be 200 characters or fewer (it has 201)");
        assertThat(errors.get("notesToEditor")).isEqualTo(Text.CONTROL_CHARACTERS_MESSAGE);
        assertThat(errors.get("bylines")).isEqualTo("An author name must be a single line of text");

        StoryForm.Builder roles = valid();
        roles.bylines.add(new StoryForm.BylineRow(3L, "Known", "r".repeat(121), false));
        roles.bylines.add(new StoryForm.BylineRow(null, "n".repeat(121), "", true));
        assertThat(errors(roles).get("bylines")).isEqualTo("Each role line must be 120 characters or fewer");
        roles.bylines.remove(0);
        assertThat(errors(roles).get("bylines")).isEqualTo("An author name must be 120 characters or fewer");
    }

    @Test
    void aHeadlineIsRequiredAndWhiteSpaceIsWhatStripRemoves() {
        for (String blank : List.of("", "   ", "\u2003")) {
            StoryForm.Builder form = valid();
            form.headline = blank;
            assertThat(errors(form).get("headline")).as("«" + blank + "»").isEqualTo("Enter a headline");
        }
        StoryForm.Builder control = valid();
        control.headline = "\u0001";
        assertThat(errors(control).get("headline")).isEqualTo(Text.CONTROL_CHARACTERS_MESSAGE);
        StoryForm.Builder endsWithABreak = valid();
        endsWithABreak.headline = "Stored without it\n";
        assertThat(errors(endsWithABreak).all()).isEmpty();
    }

    /** On one field, the rule written first on it wins: as the checks ran before, one after the other. */
    @Test
    void onAFieldWithTwoProblemsTheFirstRuleWrittenGivesTheMessage() {
        StoryForm.Builder form = valid();
        form.headline = "h".repeat(200) + "\u0007";
        form.standfirst = "s".repeat(400) + "\u000B";
        form.kicker = "k".repeat(61) + "\n";
        form.creditLine = "c".repeat(200) + "\u0000";
        FormErrors errors = errors(form);
        assertThat(errors.get("headline")).startsWith("Headline must be 200 characters or fewer");
        assertThat(errors.get("standfirst")).isEqualTo(Text.CONTROL_CHARACTERS_MESSAGE);
        assertThat(errors.get("kicker")).startsWith("Kicker must be 60 characters or fewer");
        assertThat(errors.get("creditLine")).isEqualTo(Text.CONTROL_CHARACTERS_MESSAGE);
    }

    @Test
    void typedTextIsNeverReadAsPartOfAMessage() {
        StoryForm.Builder form = valid();
        form.headline = "${7*7} {label} #{7*7} ".repeat(20);
        form.kicker = "{value}\n${7*7}";
        FormErrors errors = errors(form);
        assertThat(errors.get("headline")).isEqualTo("Headline must be 200 characters or fewer (it has 439)");
        assertThat(errors.get("kicker")).isEqualTo("Kicker must be a single line of text");
    }

    @Test
    void theSummaryListsProblemsInTheOrderOfThePage() {
        FormErrors errors = new FormErrors().add("comment", "c").add("tags", "t").add("headline", "h").add("kicker", "k")
                .inOrder(StoryForm.FIELDS_ON_PAGE);
        assertThat(errors.all().keySet()).containsExactly("kicker", "headline", "tags", "comment");
    }
}
