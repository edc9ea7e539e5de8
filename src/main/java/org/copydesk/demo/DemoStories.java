package org.copydesk.demo;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.copydesk.media.Image;
import org.copydesk.media.ImageStore;
import org.copydesk.people.AuthorProfile;
import org.copydesk.people.StaffAccount;
import org.copydesk.people.StaffService;
import org.copydesk.story.Section;
import org.copydesk.story.Story;
import org.copydesk.story.StoryAction;
import org.copydesk.story.StoryForm;
import org.copydesk.story.StoryService;

/**
 * More of the demo newsroom: about twenty short stories in every section, by three authors, with tags, datelines and
 * pictures (drawn here, abstract, so nothing is fetched), so the front page shows its lead, second tier, Latest
 * list and section blocks, and section, tag and author pages have something to list.
 */
@ApplicationScoped
class DemoStories {

    /** Section, kicker, headline, standfirst, dateline place, tags, author, picture's hue (negative: none), paragraphs. */
    private record Copy(String section, String kicker, String headline, String standfirst, String place, String tags,
                        String author, float hue, String... paragraphs) {
    }

    private static final List<Copy> STORIES = List.of(
            new Copy("world", "", "Rail link between the two capitals reopens after thirty years",
                    "The first train left at dawn with four hundred passengers and a brass band on the platform.", "Skopje",
                    "Transport, Diplomacy", "Amina Diallo", 0.5f,
                    "The line was closed in the 1990s and rebuilt over the last four years with money from both governments.",
                    "The journey takes just under five hours, half the time of the bus."),
            new Copy("politics", "", "Mayor unveils a plan for car-free streets around every school",
                    "Traffic would be closed for half an hour at the start and end of each school day.", "Milan",
                    "Transport, Cities", "Amina Diallo", 0.28f,
                    "The scheme starts with forty schools in September and would cover all of them within two years.",
                    "Shopkeepers asked for deliveries to be allowed outside those hours."),
            new Copy("business", "", "Carmaker to build a battery plant on the site of an old steelworks",
                    "The factory is expected to employ two thousand people when it opens in three years.", "Katowice",
                    "Economy, Industry", "Tomás Ferreira", 0.95f,
                    "The company said the site was chosen for its rail links and the skills of the local workforce.",
                    "Regional officials said public money would pay for roads and training."),
            new Copy("science", "", "Ancient footprints push back the date humans reached the island",
                    "Prints preserved in volcanic ash are at least 9,000 years old, a new analysis finds.", "Reykjavik",
                    "History, Nature", "Maya Lindqvist", 0.45f,
                    "The prints, of adults and children, were found by a farmer digging a drainage ditch.",
                    "Dating of the ash layers above and below them gives the age."),
            new Copy("culture", "", "Film festival opens with a silent comedy and a live orchestra",
                    "A restored print from 1926 drew a standing ovation on the festival's first night.", "Venice", "Film",
                    "Maya Lindqvist", 0.85f,
                    "The orchestra played a new score written for the restoration.",
                    "The festival runs for eleven days and shows more than two hundred films."),
            new Copy("sport", "", "Teenager wins the national chess championship at her first attempt",
                    "She is the youngest champion in the tournament's hundred-year history.", "Oslo", "Chess",
                    "Tomás Ferreira", 0.22f,
                    "She won seven of her nine games and drew the other two.",
                    "\"I just tried to play good moves,\" she said afterwards."),
            new Copy("sport", "", "Harbour City edge a seven-goal thriller to reach the cup final",
                    "A stoppage-time header settled a semi-final that swung four times in the second half.", "Lisbon",
                    "Football, Cup", "Tomás Ferreira", 0.33f,
                    "Harbour City will play in their first cup final for eleven years after a 4-3 win that was level with a minute left.",
                    "The visitors led twice before the break, and twice more after it, only for the home side to answer each time.",
                    "\"We never stopped believing,\" the captain said. \"You could feel the crowd pulling the ball in.\""),
            new Copy("culture", "Review", "A quiet novel about a lighthouse keeper becomes the surprise of the season",
                    "Booksellers report queues for a debut that its publisher printed in a run of three thousand copies.",
                    "Edinburgh", "Books", "Maya Lindqvist", 0.08f,
                    "The book follows a keeper through one winter on a rock in the North Sea, and very little else happens.",
                    "That, readers say, is the point. Shops in four cities have sold out, and a second printing is under way.",
                    "Its author, a former ferry engineer, wrote it in the evenings over six years."),
            new Copy("science", "", "Telescope finds water vapour around a planet in its star's habitable zone",
                    "The signal is faint, the team says, and needs a second look before anyone speaks of oceans.", "Geneva",
                    "Space, Climate", "Maya Lindqvist", 0.62f,
                    "Astronomers using a space telescope have found signs of water vapour in the atmosphere of a planet twice the size of Earth.",
                    "The planet circles a small red star at a distance where liquid water could exist on its surface.",
                    "\"It is a first step,\" the lead author said. \"We will need more time on the telescope to be sure.\""),
            new Copy("business", "", "Central bank holds rates and signals the first cut may come in spring",
                    "Inflation has slowed for five months in a row, but wages are still rising faster than the bank would like.",
                    "Frankfurt", "Economy, Inflation", "Tomás Ferreira", 0.12f,
                    "The central bank left its main rate unchanged on Thursday, as markets had expected.",
                    "Its governor said the board would look at the data \"meeting by meeting\", and did not rule out a cut in the spring.",
                    "Shares in banks fell slightly after the announcement, while government bond yields eased."),
            new Copy("politics", "Analysis", "Coalition talks stall over the budget for schools and hospitals",
                    "Three parties agree on most of a programme for government, but not on who pays for it.", "Berlin",
                    "Elections, Economy", "Amina Diallo", 0.0f,
                    "Negotiators broke off a fourth round of talks late on Tuesday without a date to meet again.",
                    "The sticking point is a promise to hire ten thousand nurses and teachers, and how to fund it without new borrowing.",
                    "Party leaders said they remained confident of a deal before the new year."),
            new Copy("world", "", "Floodwaters recede in the delta as aid reaches cut-off villages",
                    "Boats carried food and clean water to communities that had been reachable only by air for a week.",
                    "Dhaka", "Climate", "Amina Diallo", 0.55f,
                    "Relief workers reached dozens of villages on Monday as the water began to fall for the first time in ten days.",
                    "More than two hundred thousand people left their homes when the river broke its banks after record rain.",
                    "The government said schools used as shelters would reopen as classrooms by the end of the month."),
            new Copy("sport", "", "Marathon record falls on a cold, still morning",
                    "The winner took eleven seconds off a mark that had stood for six years.", "Valencia", "Athletics",
                    "Tomás Ferreira", -1f,
                    "Perfect conditions and a fast, flat course produced the quickest time ever run in the city.",
                    "The winner broke away from a group of five after thirty kilometres and ran the last ten alone."),
            new Copy("culture", "", "Museum returns bronze heads to the city they were taken from",
                    "The six sculptures go home after more than a century in storage and display abroad.", "Benin City",
                    "Art, History", "Amina Diallo", 0.1f,
                    "The handover took place at a ceremony attended by the city's traditional ruler and the museum's director.",
                    "The bronzes will be shown in a new gallery that opens next year."),
            new Copy("science", "", "Bees learn to count to four, a study suggests",
                    "Researchers trained the insects to pick the card with the right number of shapes for a sugar reward.",
                    "Toulouse", "Nature", "Maya Lindqvist", 0.18f,
                    "In the experiments, bees chose the right card about eight times in ten once they had been trained.",
                    "The findings add to evidence that small brains can handle tasks once thought to need large ones."),
            new Copy("business", "", "Port strike ends after dockers accept a four-year pay deal",
                    "Ships that waited offshore for nine days began unloading on Saturday morning.", "Rotterdam",
                    "Economy, Trade", "Tomás Ferreira", -1f,
                    "Union members voted by a large majority to accept the offer, which raises pay by four per cent a year.",
                    "Importers said it would take weeks to clear the backlog of containers."),
            new Copy("politics", "", "Parliament votes to lower the voting age to sixteen",
                    "The change will apply from the next general election, in two years' time.", "Vienna", "Elections",
                    "Amina Diallo", 0.7f,
                    "The bill passed with the support of four of the five parties in the chamber.",
                    "Supporters said it would bring young people into politics earlier; opponents said it was rushed."),
            new Copy("world", "", "Ceasefire holds for a third day as envoys meet at the border",
                    "Both sides say they are ready to talk about prisoners and the return of the displaced.", "Geneva",
                    "Diplomacy", "Amina Diallo", 0.02f,
                    "The truce, agreed late on Friday, has largely held, monitors said, with only isolated reports of shooting.",
                    "Envoys from both sides met for four hours at a crossing point and agreed to meet again next week."));

    @Inject
    StaffService staff;

    @Inject
    StoryService stories;

    @Inject
    ImageStore images;

    /** Published one after another, oldest first; each later story links the one before it in its section. */
    void publish(StaffAccount reporter, StaffAccount editor) {
        List<Story> published = new ArrayList<>();
        for (Copy copy : STORIES) {
            StoryForm.Builder form = StoryForm.builder();
            form.headline = copy.headline();
            form.standfirst = copy.standfirst();
            form.kicker = copy.kicker();
            StringBuilder body = new StringBuilder();
            for (String paragraph : copy.paragraphs()) {
                body.append("<p>").append(paragraph.replace("&", "&amp;").replace("<", "&lt;")).append("</p>");
            }
            form.body = body.toString();
            form.sectionId = Section.findBySlug(copy.section()).map(s -> s.id).orElseThrow();
            form.datelinePlace = copy.place();
            form.tags = copy.tags();
            AuthorProfile author = AuthorProfile.findByName(copy.author())
                    .orElseGet(() -> staff.newAuthorProfile(copy.author()));
            form.bylines.add(new StoryForm.BylineRow(author.id, author.name, "", false));
            if (copy.hue() >= 0) {
                Image image = images.store(picture(copy.hue()), reporter.id);
                form.imageKey = image.publicKey;
                form.imageAlt = "An abstract picture in the colours of the " + copy.section() + " section";
                form.imageCaption = copy.place() + ": an illustration for the demo.";
                form.imageCredit = "Copydesk demo";
            }
            published.stream().filter(s -> s.section.slug.equals(copy.section())).reduce((a, b) -> b)
                    .ifPresent(earlier -> form.related.add(new StoryForm.RelatedRow(earlier.id, earlier.headline, "Published")));
            Story story = stories.save(null, form.build(), reporter, StoryAction.SUBMIT);
            stories.act(story.id, StoryAction.PUBLISH, editor, null);
            published.add(story);
        }
    }

    /** A 1600×1000 abstract picture: a gradient of the hue and a few soft circles. */
    static byte[] picture(float hue) {
        BufferedImage picture = new BufferedImage(1600, 1000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, .55f, .85f), 1600, 1000,
                Color.getHSBColor((hue + .12f) % 1f, .7f, .35f)));
        g.fillRect(0, 0, 1600, 1000);
        for (int i = 0; i < 5; i++) {
            g.setColor(new Color(255, 255, 255, 40 + 12 * i));
            int size = 520 - 80 * i;
            g.fill(new Ellipse2D.Float(200 + 230 * i, 160 + 60 * (i % 3), size, size));
        }
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(picture, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
