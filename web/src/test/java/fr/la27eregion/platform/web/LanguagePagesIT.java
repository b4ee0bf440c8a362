package fr.la27eregion.platform.web;

import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.PlatformDriver;
import fr.la27eregion.testing.SqlWaitingWork;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import fr.la27eregion.testing.browser.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the platform, public and intranet, in French then in English, in real Chromium: a French page shows
 * no text of the English bundle whose French differs, and the reverse. The pages are the XHTML files under
 * {@code web/src/main/webapp} (outside {@code WEB-INF} and {@code resources}), so a new page is checked without
 * being named here: an intranet page as the secretariat, any other anonymously, unless {@link #VISITS} says which
 * session and parameters it needs (the ids come from records seeded for this test, {@link SqlWaitingWork}, and from
 * a membership application made, reviewed and approved through the boundary, so that the organisation's timeline
 * has journaled acts and its coordinator notifications).
 *
 * <p>What a page says is every text node of its body (scripts, styles and text areas left out: hidden dialogs and
 * screen-reader texts count, they are read too), the {@code aria-label}, {@code title}, {@code placeholder} and
 * {@code alt} attributes, the values of buttons and the document's title. What is foreign is a literal part of a
 * message of the other bundle (between its {0} placeholders) that the page's own bundle never says, of at least
 * {@value #SHORTEST} letters: several words anywhere in a text, a single word only as a whole text (a label, a
 * button), so that a record's name that happens to hold a word is not taken for a label. Text marked with a
 * {@code lang} of its own (the language switch's "English" on a French page) is the other language rightly. The
 * widgets PrimeFaces writes in the browser (date pickers, paginators) speak the page's language: their locale's
 * first month and day are checked on every page that has PrimeFaces. And no page shows an enum constant the
 * bundles give words to ({@code UNDER_REVIEW}, or {@code ACTIVE} as a whole text) instead of its words.
 */
@Tag("browser")
@DisplayName("Every page in one language: no text of the other")
class LanguagePagesIT {

    /** Parts of a message shorter than this are ignored: too short to tell the languages apart. */
    static final int SHORTEST = 4;

    private static final Path PAGES = Path.of("src", "main", "webapp");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern SNAKE =
            Pattern.compile("(?<![\\p{L}\\p{N}_-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![\\p{L}\\p{N}_-])");
    private static final Pattern CONSTANT_KEY = Pattern.compile(".*\\.[A-Z][A-Za-z]*\\.([A-Z][A-Z0-9_]*)$");

    @RegisterExtension
    static final Browser browser = new Browser();

    /** The session a page is read in. */
    enum Session {
        ANONYMOUS, SECRETARIAT, COORDINATOR, REVIEWER, JURY, AUDITOR,
        /** The coordinator of an organisation whose membership the secretariat moved: its notifications. */
        APPLICANT
    }

    /** How a page is opened: in which session, with which query string (empty: none). */
    record Visit(Session session, String query) {
    }

    private static final Map<String, Visit> VISITS = new LinkedHashMap<>();
    /** Pages read in a session besides their own: each role's home, the auditor's desk, an organisation's page. */
    private static final Map<Session, List<String>> ALSO = Map.of(
            Session.COORDINATOR, List.of("app/index.xhtml"),
            Session.REVIEWER, List.of("app/index.xhtml"),
            Session.JURY, List.of("app/index.xhtml"),
            Session.APPLICANT, List.of("app/index.xhtml", "app/membership/organisation.xhtml"),
            Session.AUDITOR, List.of("app/index.xhtml", "app/membership/desk.xhtml"));

    private static SqlWaitingWork seeded;
    private static String applicantCoordinator;
    private static Map<String, String> french;
    private static Map<String, String> english;
    /** What a French page must not say, and an English one. */
    private static Foreign onFrench;
    private static Foreign onEnglish;
    /** The enum constants the bundles give words to: a page shows the words, never the constant. */
    private static Set<String> constants;

    @BeforeAll
    static void seed() {
        french = bundle("messages.properties");
        english = bundle("messages_en.properties");
        onFrench = Foreign.of(english, french);
        onEnglish = Foreign.of(french, english);
        constants = english.keySet().stream().map(CONSTANT_KEY::matcher).filter(Matcher::matches)
                .map(matcher -> matcher.group(1)).filter(name -> name.length() >= SHORTEST)
                .collect(Collectors.toSet());
        seeded = SqlWaitingWork.seed("lang");
        PlatformDriver driver = new PlatformDriver(TestServer.url());
        PlatformDriver.Applicant applicant = driver.applicant("Organisation langues", "fr");
        PlatformDriver.Answer review = driver.perform(applicant.membership(), MembershipAction.REVIEW, null, null);
        driver.perform(review.json(), MembershipAction.APPROVE, null, null);
        applicantCoordinator = SqlWaitingWork.account("lang-coord-" + Long.toString(System.nanoTime(), 36),
                "MEMBER_COORDINATOR", applicant.organisation());
        assertThat(Superuser.number("SELECT count(*) FROM notification WHERE organisation_id = ?",
                applicant.organisation())).as("notifications to read").isPositive();
        long programme = Superuser.number("SELECT programme_id FROM campaign WHERE id = ?", seeded.campaignId());
        long project = seeded.projects().get(0);
        String certificate = Superuser.column("SELECT certificate_number FROM label WHERE id = ?",
                seeded.labelId()).get(0);
        Superuser.update("UPDATE project SET visibility = 'PUBLIC' WHERE id = ?", project);
        VISITS.put("app/labels/application.xhtml", new Visit(Session.SECRETARIAT, "id=" + seeded.submitted()));
        VISITS.put("app/labels/campaign.xhtml", new Visit(Session.SECRETARIAT, "id=" + seeded.campaignId()));
        VISITS.put("app/labels/label.xhtml", new Visit(Session.SECRETARIAT, "id=" + seeded.labelId()));
        VISITS.put("app/labels/programme.xhtml", new Visit(Session.SECRETARIAT, "id=" + programme));
        VISITS.put("app/membership/organisation.xhtml",
                new Visit(Session.SECRETARIAT, "id=" + applicant.organisation()));
        VISITS.put("app/projects/project.xhtml", new Visit(Session.SECRETARIAT, "id=" + project));
        // the organisation's timeline with its state at a date (today), as an auditor reads it
        VISITS.put("app/audit/record.xhtml", new Visit(Session.AUDITOR, "type=organisation&id="
                + applicant.organisation() + "&at=" + java.time.LocalDate.now().plusDays(1)));
        VISITS.put("app/audit/statistics.xhtml", new Visit(Session.AUDITOR, ""));
        VISITS.put("app/projects/edit.xhtml", new Visit(Session.COORDINATOR, "id=" + project));
        VISITS.put("app/labels/new.xhtml", new Visit(Session.COORDINATOR, ""));
        VISITS.put("app/labels/review.xhtml", new Visit(Session.REVIEWER, "id=" + seeded.missingReviewers()));
        VISITS.put("app/labels/reviews.xhtml", new Visit(Session.REVIEWER, ""));
        VISITS.put("app/labels/juries.xhtml", new Visit(Session.JURY, ""));
        VISITS.put("app/labels/jury.xhtml", new Visit(Session.JURY, "campaign=" + seeded.juryCampaignId()));
        VISITS.put("app/notifications.xhtml", new Visit(Session.APPLICANT, ""));
        VISITS.put("public/projet.xhtml", new Visit(Session.ANONYMOUS, "id=" + project));
        VISITS.put("public/verification.xhtml", new Visit(Session.ANONYMOUS, "code=" + certificate));
        VISITS.put("public/theme.xhtml", new Visit(Session.ANONYMOUS, "id=service-design"));
        VISITS.put("app/content/edit.xhtml", new Visit(Session.SECRETARIAT, "kind=EXPLAINER"));
    }

    @Test
    @DisplayName("the public pages, anonymously")
    void anonymous() {
        check(Session.ANONYMOUS, null);
    }

    @Test
    @DisplayName("the intranet pages of the secretariat")
    void secretariat() {
        check(Session.SECRETARIAT, TestAccounts.of(Role.NETWORK_ADMIN));
    }

    @Test
    @DisplayName("the coordinator's pages")
    void coordinator() {
        check(Session.COORDINATOR, seeded.coordinator());
    }

    @Test
    @DisplayName("the reviewer's pages")
    void reviewer() {
        check(Session.REVIEWER, seeded.reviewer());
    }

    @Test
    @DisplayName("the jury's pages")
    void jury() {
        check(Session.JURY, seeded.juryChair());
    }

    @Test
    @DisplayName("the auditor's home (the journal's verification) and desk")
    void auditor() {
        check(Session.AUDITOR, TestAccounts.of(Role.AUDITOR));
    }

    @Test
    @DisplayName("the notifications of an organisation the secretariat moved on")
    void applicant() {
        check(Session.APPLICANT, applicantCoordinator);
    }

    @Test
    @DisplayName("the check finds an English label on a French page, and a French one on an English page")
    void checkFindsForeignText() {
        assertThat(onFrench.in(List.of("Application made", "Publié", "Candidature déposée")))
                .containsExactly("Application made");
        assertThat(onEnglish.in(List.of("Application made", "Région Bretagne", "Projet d'essai",
                "Candidature déposée : Région Bretagne")))
                .containsExactly("Candidature déposée : Région Bretagne");
        // a single word counts only as a whole text; a part of a record's name is not a label
        String word = english.get("layout.language");
        assertThat(onFrench.in(List.of(word + " :"))).containsExactly(word);
        assertThat(onFrench.in(List.of("Organisation " + word + " 12"))).isEmpty();
        assertThat(constants).contains("UNDER_REVIEW", "ACTIVE");
        assertThat(rawNames(List.of("UNDER_REVIEW", "État : ACTIVE", "ACTIVE", "INNOVATION-2026", "Active"),
                constants))
                .containsExactly("UNDER_REVIEW", "ACTIVE");
    }

    private void check(Session session, String username) {
        List<String> pages = new ArrayList<>(pages().stream().filter(page -> visit(page).session() == session)
                .toList());
        pages.addAll(ALSO.getOrDefault(session, List.of()));
        assertThat(pages).as("pages read as " + session).isNotEmpty();
        if (username != null) {
            browser.logInAs(username);
        }
        List<String> findings = new ArrayList<>();
        for (String page : pages) {
            for (String language : List.of("fr", "en")) {
                open(page, visit(page).session() == session ? visit(page).query() : "", language);
                List<String> texts = texts();
                assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang"))
                        .as(page + " in " + language).isEqualTo(language);
                Object widgets = browser.script().executeScript("return window.PrimeFaces && PrimeFaces"
                        + ".getLocaleSettings ? PrimeFaces.getLocaleSettings().monthNames[0] + ' '"
                        + " + PrimeFaces.getLocaleSettings().dayNames[1] : null");
                if (widgets != null) {
                    assertThat(widgets.toString().toLowerCase(Locale.ROOT)).as("PrimeFaces' widgets on " + page
                            + " in " + language).isEqualTo("fr".equals(language) ? "janvier lundi" : "january monday");
                }
                for (String found : rawNames(texts, constants)) {
                    findings.add(page + " (" + language + "): raw name " + found);
                }
                for (String found : ("fr".equals(language) ? onFrench : onEnglish).in(texts)) {
                    findings.add(page + " (" + language + "): " + found);
                }
            }
        }
        assertThat(findings).as("texts of the other language, as " + session).isEmpty();
    }

    private static Visit visit(String page) {
        return VISITS.getOrDefault(page, new Visit(page.startsWith("app/") ? Session.SECRETARIAT
                : Session.ANONYMOUS, ""));
    }

    /** Opens a page in a language; a protected view (JSF's token) through the link the intranet renders to it. */
    private void open(String page, String query, String language) {
        String address = browser.application().resolve(page) + "?" + query + (query.isEmpty() ? "" : "&") + "lang="
                + language;
        if (page.startsWith("app/admin/")) {
            browser.open(browser.application().resolve("app/index.xhtml?lang=" + language));
            address = browser.driver().findElements(By.cssSelector("a[href*='/" + page + "']")).stream()
                    .map(link -> link.getDomProperty("href")).findFirst()
                    .orElseThrow(() -> new AssertionError("no link to " + page + " on the intranet"));
            address += (address.contains("?") ? "&" : "?") + "lang=" + language;
        }
        browser.open(java.net.URI.create(address));
        // a page may move to its canonical address (a project's), never to the login or an error page
        if (!"login.xhtml".equals(page)) {
            assertThat(browser.driver().getCurrentUrl()).as(page + " opened").doesNotContain("login.xhtml");
        }
        Map<String, String> own = "fr".equals(language) ? french : english;
        assertThat(browser.driver().findElements(By.tagName("h1")).stream().map(h -> h.getText().strip()).toList())
                .as(page + " in " + language + " is no error page").isNotEmpty().doesNotContain(
                        own.get("error.notFound.title"), own.get("error.title"), own.get("error.expired.title"));
    }

    /** Everything the page says, one entry per text node or attribute, spaces collapsed. */
    private static List<String> texts() {
        Object said = browser.script().executeScript("""
                const page = document.documentElement.lang;
                const ownLanguage = e => {
                    const marked = e.closest('[lang]');
                    return !marked || marked.lang === page;
                };
                const out = [document.title];
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {acceptNode: n =>
                    n.parentElement.closest('script, style, noscript, template, textarea')
                        || !ownLanguage(n.parentElement) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
                while (walker.nextNode()) out.push(walker.currentNode.nodeValue);
                document.querySelectorAll('[aria-label], [title], [placeholder], [alt], input[type=submit],'
                        + ' input[type=button], input[type=reset]').forEach(e => {
                    if (!ownLanguage(e)) return;
                    for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
                        if (e.hasAttribute(a)) out.push(e.getAttribute(a));
                    }
                    if (e.matches('input[type=submit], input[type=button], input[type=reset]')) out.push(e.value);
                });
                return out;""");
        return ((List<?>) said).stream().map(text -> String.valueOf(text).replaceAll("\\s+", " ").strip())
                .filter(text -> !text.isEmpty()).toList();
    }

    /**
     * What is foreign to a page written with the messages {@code own}: the parts of the messages of {@code other} whose
     * value differs in {@code own} and that no message of {@code own} says. Several words are looked for anywhere in a
     * text, a single word only as a whole text.
     */
    record Foreign(List<Pattern> phrases, Set<String> words) {

        static Foreign of(Map<String, String> other, Map<String, String> own) {
            String ownWords = " " + String.join(" | ", own.values()).replaceAll("\\s+", " ") + " ";
            Set<String> parts = new TreeSet<>();
            other.forEach((key, value) -> {
                if (value.equals(own.get(key)) || value.contains(",choice,")) {
                    return;
                }
                for (String part : PLACEHOLDER.split(value.replace("''", "'"))) {
                    String stripped = bare(part);
                    if (stripped.codePointCount(0, stripped.length()) >= SHORTEST && LETTER.matcher(stripped).find()
                            && !phrase(stripped).matcher(ownWords).find()) {
                        parts.add(stripped);
                    }
                }
            });
            return new Foreign(parts.stream().filter(part -> part.contains(" ")).map(LanguagePagesIT::phrase)
                    .toList(), parts.stream().filter(part -> !part.contains(" ")).collect(Collectors.toSet()));
        }

        /** The foreign parts found in the texts, each with the text around it. */
        Set<String> in(List<String> texts) {
            Set<String> found = new LinkedHashSet<>();
            texts.stream().map(LanguagePagesIT::bare).filter(words::contains).forEach(found::add);
            String all = String.join("\n", texts);
            for (Pattern phrase : phrases) {
                Matcher matcher = phrase.matcher(all);
                while (matcher.find()) {
                    int from = all.lastIndexOf('\n', matcher.start()) + 1;
                    int to = all.indexOf('\n', matcher.end());
                    String text = all.substring(from, to < 0 ? all.length() : to);
                    found.add(text.length() > 160 ? matcher.group() + " (in \"" + text.substring(0, 160) + "...\")"
                            : text);
                }
            }
            return found;
        }
    }

    /**
     * The enum constants the bundles name ({@code membership.MembershipState.ACTIVE}: {@code ACTIVE}) that a text
     * shows raw: as the whole text, or as a word with an underscore ({@code UNDER_REVIEW}) anywhere in it.
     */
    static Set<String> rawNames(List<String> texts, Set<String> constants) {
        Set<String> found = new LinkedHashSet<>();
        for (String text : texts) {
            if (constants.contains(bare(text))) {
                found.add(text);
            }
            Matcher snake = SNAKE.matcher(text);
            while (snake.find()) {
                if (constants.contains(snake.group())) {
                    found.add(text);
                }
            }
        }
        return found;
    }

    /** A text without the spaces and punctuation around it. */
    private static String bare(String text) {
        return text.replaceAll("^[\\s\\p{Punct}«»…–—]+|[\\s\\p{Punct}«»…–—]+$", "");
    }

    /** {@code words} not as a part of longer words. */
    private static Pattern phrase(String words) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(words) + "(?![\\p{L}\\p{N}])");
    }

    /** The XHTML pages of the application, relative to its root. */
    static List<String> pages() {
        try (Stream<Path> files = Files.walk(PAGES)) {
            return files.filter(file -> file.toString().endsWith(".xhtml")).map(PAGES::relativize)
                    .filter(file -> !file.startsWith("WEB-INF") && !file.startsWith("resources"))
                    .map(file -> file.toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> bundle(String name) {
        Properties properties = new Properties();
        try (InputStream in = LanguagePagesIT.class.getResourceAsStream("/fr/la27eregion/i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted()
                .forEach(key -> values.put(key, properties.getProperty(key).strip()));
        return values;
    }
}
