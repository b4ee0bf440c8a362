package fr.la27eregion.label.boundary;

import fr.la27eregion.identity.control.Caller;
import fr.la27eregion.identity.control.CallerScope;
import fr.la27eregion.identity.entity.Account;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.label.control.ApplicationContent;
import fr.la27eregion.label.control.ApplicationPdf;
import fr.la27eregion.label.control.ApplicationScope;
import fr.la27eregion.label.control.ApplicationScopes;
import fr.la27eregion.label.entity.LabelApplication;
import fr.la27eregion.membership.entity.Organisation;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.project.entity.OutsidePartner;
import fr.la27eregion.project.entity.Project;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Stream;

/**
 * A label application as a document (its PDF, {@link ApplicationPdf}), made for the caller as they may read it:
 * whole for the applicant's people (coordinators and contributors of the organisation), the secretariat and
 * auditors; for a reviewer, only an application they are assigned to (not recused), and without the applicant, its
 * people and the project's partners when the programme is blind; for a campaign's jury chair, whole, once the
 * application is reviewed. Who reads what through the review is the review's rule ({@link Assessments#application}),
 * asked here rather than copied, so the PDF never shows a reviewer more than the review page or the API do.
 *
 * <p>Reading only: nothing is journaled (the journal records changes; the access log keeps the downloads).
 */
@Stateless
public class ApplicationDocuments {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CallerScope callers;

    @Inject
    private ApplicationScopes scopes;

    @EJB
    private Assessments assessments;

    @Inject
    private ApplicationPdf pdf;

    /**
     * The application's PDF as the caller may read it, in French unless the locale is English.
     *
     * @throws RecordNotFound no such application, or one the caller may not read: the same answer
     */
    @RolesAllowed({Role.MEMBER_COORDINATOR_NAME, Role.CONTRIBUTOR_NAME, Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME,
            Role.REVIEWER_NAME, Role.JURY_NAME})
    public byte[] pdf(long applicationId, Locale locale) {
        Caller caller = callers.caller();
        ApplicationScope scope = scopes.current();
        LabelApplication application = scope.bind(em.createQuery("SELECT a FROM LabelApplication a WHERE a.id = :id"
                        + scope.where("a"), LabelApplication.class)).setParameter("id", applicationId)
                .getResultStream().findFirst().orElse(null);
        boolean hidden = false;
        if (application == null) {
            if (!caller.hasRole(Role.REVIEWER) && !caller.hasRole(Role.JURY)) {
                throw new RecordNotFound("There is no label application " + applicationId + ".");
            }
            // the review decides: an assigned reviewer (blind or not) or the campaign's chair; anyone else a 404
            hidden = assessments.application(applicationId).identityHidden();
            application = em.find(LabelApplication.class, applicationId);
        }
        return pdf.render(content(application, hidden, locale), locale);
    }

    private ApplicationContent content(LabelApplication application, boolean hidden, Locale locale) {
        Map<Long, String> given = application.answers();
        List<ApplicationContent.Answer> answers = application.campaign().grid().criteria().stream()
                .map(c -> new ApplicationContent.Answer(c.label(locale), c.guidance(locale), given.get(c.id())))
                .toList();
        List<String> attachments = em.createQuery("SELECT f.fileName FROM ApplicationAttachment f"
                        + " WHERE f.application.id = :id AND f.message IS NULL ORDER BY f.uploadedAt, f.id", String.class)
                .setParameter("id", application.id()).getResultList();
        return new ApplicationContent(application.id(), application.campaign().programme().name(locale),
                application.campaign().title(locale), application.campaign().code(), application.project().title(),
                stateName(application, locale), application.submittedAt().orElse(null), answers, attachments,
                hidden ? null : applicant(application));
    }

    /** The organisation, the people named for the application, the project's partners (members, then others). */
    private ApplicationContent.Applicant applicant(LabelApplication application) {
        Project project = application.project();
        List<String> people = new ArrayList<>();
        if (project.contactName() != null && !project.contactName().isBlank()) {
            people.add(Stream.of(project.contactName(), project.contactEmail(), project.contactPhone())
                    .filter(part -> part != null && !part.isBlank()).reduce((a, b) -> a + ", " + b).orElseThrow());
        }
        if (application.createdBy() != null) {
            em.createNamedQuery(Account.BY_USERNAME, Account.class).setParameter("username", application.createdBy())
                    .getResultStream().findFirst().map(Account::displayName)
                    .filter(name -> people.stream().noneMatch(p -> p.startsWith(name)))
                    .ifPresent(people::add);
        }
        List<String> partners = Stream.concat(project.partners().stream().map(Organisation::name).sorted(),
                project.outsidePartners().stream().map(OutsidePartner::name)).toList();
        return new ApplicationContent.Applicant(application.organisation().name(), people, partners);
    }

    private static String stateName(LabelApplication application, Locale locale) {
        Locale language = Locale.ENGLISH.getLanguage().equals(locale == null ? null : locale.getLanguage())
                ? Locale.ENGLISH : Locale.FRENCH;
        return ResourceBundle.getBundle("fr.la27eregion.label.control.application", language,
                ApplicationDocuments.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                .getString("ApplicationState." + application.state().name());
    }
}
