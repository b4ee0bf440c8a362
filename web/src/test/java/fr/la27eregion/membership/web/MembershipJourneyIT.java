package fr.la27eregion.membership.web;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.identity.web.IntranetPage;
import fr.la27eregion.identity.web.LoginPage;
import fr.la27eregion.identity.web.UsersPage;
import fr.la27eregion.membership.entity.Siret;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.browser.Browser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole life of an application, by role, in a real Chromium: a regional council that is not yet a member
 * applies on the public form; the secretariat reviews, approves and activates it on its desk and gives its
 * coordinator an account; the coordinator logs in, sees the membership {@code ACTIVE} and edits a contact; a citizen
 * sees the region as a member on the public map. Every page on the way is checked against WCAG 2.1 A and AA.
 *
 * <p>The region is one whose council has not applied yet in this test database (other tests take some).
 */
@Tag("browser")
@DisplayName("Journey: from an application to a member on the map")
class MembershipJourneyIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    @DisplayName("a council applies, the secretariat activates it, its coordinator edits a contact, the map shows it")
    void fromApplicationToMember() {
        long unique = System.nanoTime() % 1_000_000_000L;
        String[] region = freeRegion();
        String name = "Conseil régional parcours " + unique;
        String coordinator = "Alix Parcours " + unique;
        String username = "parcours-" + unique;

        // an organisation applies (anonymous)
        JoinPage join = new JoinPage(browser).open(browser.application(), "fr");
        join.chooseKind("REGIONAL_COUNCIL").type("name", name).region(region[0])
                .type("siret", Siret.withKey(String.format("23%011d", unique)).value())
                .contact(0, coordinator, "alix." + unique + "@example.fr", "Responsable innovation", "COORDINATOR")
                .submit();
        assertThat(join.confirmation()).contains(name);
        browser.screenshot("journey-1-applied");
        browser.accessibility().assertNoViolations("the join page's confirmation");

        // the secretariat reviews, approves and activates
        browser.logInAs(Role.NETWORK_ADMIN);
        DeskPage desk = new DeskPage(browser).openFromMenu().filter(name);
        assertThat(desk.state(name)).isEqualTo("Candidature déposée");
        desk.act(name, "REVIEW").confirm().dialogClosed();
        desk.act(name, "APPROVE").confirm().dialogClosed();
        desk.act(name, "ACTIVATE").agreement("CONV-PARCOURS-" + unique).confirm().dialogClosed();
        assertThat(desk.state(name)).isEqualTo("Active");
        browser.screenshot("journey-2-activated");
        browser.accessibility().assertNoViolations("the desk after activation");

        // ... and gives the council's coordinator an account of that organisation
        new IntranetPage(browser).openAccounts();
        UsersPage users = new UsersPage(browser);
        users.chooseOrganisation(name.substring(0, 12), name);
        users.create(username, coordinator, "alix." + unique + "@example.fr", "trois pommes vertes", 1);
        assertThat(users.pageMessage()).isEqualTo("Compte " + username + " créé.");
        new IntranetPage(browser).logOut();

        // the coordinator sees the membership active and edits a contact
        new LoginPage(browser).open(browser.application(), "fr").logIn(username, "trois pommes vertes");
        OrganisationPage organisation = new OrganisationPage(browser).openMine();
        assertThat(organisation.membershipState()).isEqualTo("Active");
        organisation.editContact(coordinator).jobTitle("Directrice de la transformation publique").saveContact();
        assertThat(organisation.contacts()).anySatisfy(contact -> assertThat(contact)
                .contains("Directrice de la transformation publique"));
        assertThat(organisation.timeline()).anySatisfy(entry -> assertThat(entry).contains("Contact modifié : " + coordinator));
        browser.screenshot("journey-3-coordinator");
        browser.accessibility().assertNoViolations("the coordinator's organisation page");
        new IntranetPage(browser).logOut();

        // a citizen sees the region as a member on the public map and in its table
        MembersPage members = new MembersPage(browser).open(browser.application(), "fr");
        assertThat(members.region(region[0]).getDomAttribute("class")).contains("map-region--ACTIVE");
        assertThat(members.region(region[0]).getDomAttribute("aria-label")).isEqualTo(region[1] + " : membre actif");
        assertThat(members.regionRow(region[0])).contains("membre actif");
        browser.screenshot("journey-4-map");
        browser.accessibility().assertNoViolations("the public map");
    }

    /** The code and name of a region of France whose council has not applied in this database yet. */
    private static String[] freeRegion() {
        List<Map<String, Object>> free = Superuser.rows("SELECT code, name FROM territory t WHERE kind = 'REGION'"
                + " AND NOT EXISTS (SELECT 1 FROM organisation o WHERE o.territory_id = t.id) ORDER BY code DESC LIMIT 1");
        assertThat(free).as("a region without a council in the test database").isNotEmpty();
        return new String[] {(String) free.get(0).get("code"), (String) free.get(0).get("name")};
    }
}
