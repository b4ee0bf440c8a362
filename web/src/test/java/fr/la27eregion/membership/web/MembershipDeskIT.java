package fr.la27eregion.membership.web;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.identity.web.IntranetPage;
import fr.la27eregion.identity.web.UsersPage;
import fr.la27eregion.testing.MembershipFixtures;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.browser.Browser;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secretariat's and the auditors' journeys through the membership desk, in a real Chromium against the micro
 * WAR on Payara Micro and PostgreSQL: an application reviewed, approved and activated through the dialog while the
 * counts follow; a rejection refused without its reason, beside the reason field; a change made meanwhile by someone
 * else; two memberships renewed at once (and one refused); the auditor reading without any action; the organisation
 * of a new account chosen by name. Each page is checked against WCAG 2.1 A and AA with axe-core, a dialog open too.
 *
 * <p>Every test makes its own memberships through the boundaries ({@link MembershipFixtures}), with names of its own,
 * and compares counts before and after its own acts only.
 */
@Tag("browser")
@DisplayName("Secretariat and auditor journeys: the membership desk")
class MembershipDeskIT {

    private static final DateTimeFormatter MEDIUM_FR = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withLocale(Locale.FRENCH);

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    @DisplayName("the secretariat reviews, approves and activates an application; the counts follow each step")
    void theSecretariatTakesAnApplicationToActive() {
        String name = "Candidate " + System.nanoTime();
        MembershipFixtures.call(browser.application(), "name", name, "kind", "ASSOCIATE");
        DeskPage desk = asSecretariat();
        long applied = desk.count("APPLIED");
        long underReview = desk.count("UNDER_REVIEW");
        long approved = desk.count("APPROVED");
        long active = desk.count("ACTIVE");
        long all = desk.count("ALL");

        desk.filter(name);
        assertThat(desk.organisations()).containsExactly(name);
        assertThat(desk.shown()).isEqualTo("1 adhésion(s) affichée(s)");
        assertThat(desk.state(name)).isEqualTo("Candidature déposée");
        assertThat(desk.cell(name, 3)).isEqualTo("Membre associé (autre organisme public, association)");
        assertThat(desk.organisationLink(name)).matches(".*/app/membership/organisation\\.xhtml\\?id=\\d+");
        assertThat(desk.actions(name)).containsExactly("REVIEW", "WITHDRAW");
        browser.screenshot("desk-applied");
        browser.accessibility().assertNoViolations("the desk of the secretariat");

        desk.act(name, "REVIEW");
        assertThat(desk.dialogTitle()).isEqualTo("Mettre à l'examen : " + name);
        assertThat(desk.asksForReason()).isFalse();
        desk.confirm().dialogClosed();
        assertThat(desk.state(name)).isEqualTo("En cours d'examen");
        assertThat(desk.pageMessage()).isEqualTo("Adhésion de " + name
                + " : « Mettre à l'examen » enregistré. Nouvel état : En cours d'examen.");
        assertThat(desk.count("APPLIED")).isEqualTo(applied - 1);
        assertThat(desk.count("UNDER_REVIEW")).isEqualTo(underReview + 1);

        desk.act(name, "APPROVE").confirm().dialogClosed();
        assertThat(desk.state(name)).isEqualTo("Acceptée");
        assertThat(desk.count("UNDER_REVIEW")).isEqualTo(underReview);
        assertThat(desk.count("APPROVED")).isEqualTo(approved + 1);

        desk.act(name, "ACTIVATE");
        assertThat(desk.asksForAgreement()).isTrue();
        browser.screenshot("desk-dialog-activate");
        browser.accessibility().assertNoViolations("the desk with the activation dialog open");
        desk.confirm();
        assertThat(desk.dialogOpen()).as("the dialog stays open on a refusal").isTrue();
        assertThat(desk.dialogMessage("agreement")).isEqualTo("L'activation demande la référence de la convention signée.");
        assertThat(desk.describedBy("agreement")).contains("action:agreementMessage");
        desk.agreement("CONV-2026-" + name.hashCode()).confirm().dialogClosed();

        assertThat(desk.state(name)).isEqualTo("Active");
        assertThat(desk.cell(name, 5)).isEqualTo(MEDIUM_FR.format(today().plusYears(1).minusDays(1)));
        assertThat(desk.count("APPLIED")).isEqualTo(applied - 1);
        assertThat(desk.count("APPROVED")).isEqualTo(approved);
        assertThat(desk.count("ACTIVE")).isEqualTo(active + 1);
        assertThat(desk.count("ALL")).isEqualTo(all);
        browser.screenshot("desk-activated");
    }

    @Test
    @DisplayName("a rejection without its reason is refused beside the reason field, then made with one")
    void aRejectionNeedsItsReason() {
        String name = "A refuser " + System.nanoTime();
        MembershipFixtures.call(browser.application(), "name", name, "kind", "ASSOCIATE", "steps", "REVIEW");
        DeskPage desk = asSecretariat();
        desk.show("UNDER_REVIEW");
        assertThat(desk.pressed("UNDER_REVIEW")).isTrue();
        assertThat(desk.pressed("ALL")).isFalse();
        desk.filter(name);

        desk.act(name, "REJECT");
        assertThat(desk.asksForReason()).isTrue();
        desk.confirm();
        assertThat(desk.dialogMessage("reason")).isEqualTo("Cette action demande un motif.");
        assertThat(desk.describedBy("reason")).contains("action:reasonMessage");
        assertThat(desk.state(name)).as("nothing changed").isEqualTo("En cours d'examen");
        browser.screenshot("desk-dialog-reason-required");
        browser.accessibility().assertNoViolations("the rejection dialog with its error");

        desk.reason("Le dossier ne relève pas des missions du réseau.").confirm().dialogClosed();
        assertThat(desk.organisations()).as("a rejected membership leaves the list of those under review").isEmpty();
        desk.show("REJECTED");
        assertThat(desk.state(name)).isEqualTo("Refusée");
    }

    @Test
    @DisplayName("a membership changed by someone else since the desk showed it is not changed again")
    void aStaleMembershipIsRefused() {
        String name = "Concurrence " + System.nanoTime();
        JsonObject membership = MembershipFixtures.call(browser.application(), "name", name, "kind", "ASSOCIATE");
        DeskPage desk = asSecretariat().filter(name);

        desk.act(name, "REVIEW");
        MembershipFixtures.call(browser.application(), "membership", id(membership), "steps", "REVIEW");
        desk.confirm();

        assertThat(desk.dialogMessage("confirm")).startsWith("Cette adhésion a été modifiée par quelqu'un d'autre");
        assertThat(desk.state(name)).as("the table shows the change made meanwhile").isEqualTo("En cours d'examen");
    }

    @Test
    @DisplayName("two active memberships are renewed at once from the keyboard; one changed meanwhile is refused")
    void bulkRenewal() {
        String prefix = "Renouvellement " + System.nanoTime();
        String first = prefix + " A";
        String second = prefix + " B";
        String third = prefix + " C";
        for (String name : new String[]{first, second, third}) {
            MembershipFixtures.call(browser.application(), "name", name, "kind", "ASSOCIATE", "steps",
                    "REVIEW,APPROVE,ACTIVATE");
        }
        JsonObject applied = MembershipFixtures.call(browser.application(), "name", prefix + " D", "kind", "ASSOCIATE");
        DeskPage desk = asSecretariat().filter(prefix);
        assertThat(desk.organisations()).hasSize(4);
        assertThat(desk.selectable(prefix + " D")).as("an application cannot be renewed").isFalse();
        long active = desk.count("ACTIVE");
        assertThat(desk.checkboxLabel(first)).isEqualTo("Sélectionner " + first + " pour le renouvellement");

        desk.selectWithKeyboard(first).selectWithKeyboard(second).selectWithKeyboard(third);
        JsonObject changed = MembershipFixtures.call(browser.application(), "membership", desk.membershipId(third),
                "steps", "SUSPEND");
        assertThat(changed.getString("state")).isEqualTo("SUSPENDED");
        assertThat(desk.renewSelected()).as("the progress shown while the renewal runs")
                .isEqualTo("Renouvellement en cours, veuillez patienter…");

        assertThat(desk.renewalSummary()).isEqualTo("Renouvellement terminé : 2 renouvelée(s), 1 refusée(s).");
        assertThat(desk.renewalOutcomes()).containsExactlyInAnyOrder(
                first + " : Renouvelée.",
                second + " : Renouvelée.",
                third + " : Non renouvelée — Modifiée par quelqu'un d'autre entre-temps : rechargez la page.");
        String renewedUntil = MEDIUM_FR.format(today().plusYears(2).minusDays(1));
        assertThat(desk.cell(first, 5)).isEqualTo(renewedUntil);
        assertThat(desk.cell(second, 5)).isEqualTo(renewedUntil);
        assertThat(desk.state(third)).isEqualTo("Suspendue");
        assertThat(desk.count("ACTIVE")).isEqualTo(active - 1);
        assertThat(applied.getString("state")).isEqualTo("APPLIED");
        browser.screenshot("desk-bulk-renewal");
        browser.accessibility().assertNoViolations("the desk after a bulk renewal");
    }

    @Test
    @DisplayName("the auditor reads the desk, in English too, and is offered no action")
    void theAuditorReadsWithoutActing() {
        String name = "Lecture " + System.nanoTime();
        MembershipFixtures.call(browser.application(), "name", name, "kind", "ASSOCIATE", "steps", "REVIEW,APPROVE,ACTIVATE");
        browser.logInAs(Role.AUDITOR);
        DeskPage desk = new DeskPage(browser);
        assertThat(desk.offeredInMenu()).isTrue();
        desk.openFromMenu().filter(name);

        assertThat(desk.heading()).isEqualTo("Adhésions au réseau");
        assertThat(desk.state(name)).isEqualTo("Active");
        assertThat(desk.count("ALL")).isPositive();
        assertThat(desk.offersAnyAction()).isFalse();
        browser.screenshot("desk-auditor");
        browser.accessibility().assertNoViolations("the desk of an auditor");

        desk.switchLanguage("en");
        assertThat(desk.heading()).isEqualTo("Network memberships");
        browser.screenshot("desk-auditor-en");
        browser.accessibility().assertNoViolations("the desk of an auditor, in English");
    }

    @Test
    @DisplayName("the secretariat gives a new account its organisation by name, and is told when it is missing")
    void theOrganisationOfAnAccountIsChosenByName() {
        browser.logInAs(Role.NETWORK_ADMIN);
        new IntranetPage(browser).openAccounts();
        UsersPage users = new UsersPage(browser);
        String username = "contrib-" + System.nanoTime() % 1_000_000;

        users.create(username, "Camille Contributrice", username + "@example.org", "trois pommes vertes", 2);
        assertThat(users.fieldMessage("organisation"))
                .isEqualTo("Le rôle CONTRIBUTOR agit pour une organisation membre : indiquez l'organisation.");

        users.chooseOrganisation("test A", TestAccounts.ORGANISATION_A);
        assertThat(users.chosenOrganisation()).isEqualTo(TestAccounts.ORGANISATION_A);
        browser.screenshot("accounts-organisation-chosen");
        browser.accessibility().assertNoViolations("the accounts page with an organisation chosen");
        users.create(username, "Camille Contributrice", username + "@example.org", "trois pommes vertes", 2);
        assertThat(users.pageMessage()).isEqualTo("Compte " + username + " créé.");

        users.editRoles(username);
        assertThat(users.selectedOrganisation()).as("the account's organisation, by name")
                .isEqualTo(TestAccounts.ORGANISATION_A);
    }

    private DeskPage asSecretariat() {
        browser.logInAs(Role.NETWORK_ADMIN);
        return new DeskPage(browser).openFromMenu();
    }

    private static String id(JsonObject membership) {
        return String.valueOf(membership.getJsonNumber("membership").longValue());
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }
}
