package fr.la27eregion.platform.demo;

import fr.la27eregion.content.control.ContentTransitions;
import fr.la27eregion.content.entity.ContentAction;
import fr.la27eregion.content.entity.ContentDetails;
import fr.la27eregion.content.entity.ContentItem;
import fr.la27eregion.content.entity.ContentKind;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.platform.workflow.Actor;
import fr.la27eregion.platform.workflow.Transitions;
import fr.la27eregion.project.control.RichText;
import fr.la27eregion.project.entity.ProjectVisibility;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The demo's content of the public pages, written as the secretariat would through the content workflow
 * ({@link Transitions}, so each item has its journal entries): the home text featuring three public projects, two
 * themes' introductions, a news item, explainers of service design and open data linked to the public projects of
 * their themes, an explainer of artificial intelligence left as a draft (the public never sees it), and the
 * accessibility statement's editable parts. Added once: nothing when any content exists.
 */
@Dependent
class DemoContent {

    private static final Set<Actor> ACTORS = Set.of(Actor.SYSTEM, Actor.of(Role.NETWORK_ADMIN));

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Transitions transitions;

    @Inject
    private ContentTransitions workflow;

    @Inject
    private Clock clock;

    /** Writes the demo's content when there is none yet; how many items it wrote. */
    int addContent() {
        if (em.createQuery("SELECT COUNT(c) FROM ContentItem c", Long.class).getSingleResult() > 0) {
            return 0;
        }
        add(ContentKind.HOME, null, true, publicProjects(null, 3),
                "Réinventer l'action publique, région par région",
                "Reinventing public action, region by region",
                "La 27e Région est un laboratoire de transformation publique : un réseau de régions qui"
                        + " expérimentent ensemble de nouvelles manières de concevoir les politiques publiques.",
                "La 27e Région is a public transformation lab: a network of regions experimenting together with"
                        + " new ways of designing public policies.",
                "<p>Les régions membres partagent leurs projets, se font labelliser et apprennent les unes des"
                        + " autres. Ce site montre ce qu'elles font, en clair, pour les citoyens, les élus et la"
                        + " presse.</p>",
                "<p>The member regions share their projects, have them labelled and learn from each other. This"
                        + " site shows what they do, in plain words, for citizens, elected officials and the"
                        + " press.</p>");
        add(ContentKind.THEME, "school-2030", true, List.of(), "L'école en 2030", "The school of 2030",
                "Comment les lycées se transforment avec leurs élèves, leurs enseignants et leurs territoires.",
                "How secondary schools change with their pupils, teachers and territories.",
                "<p>Les régions construisent et entretiennent les lycées. Ce thème rassemble les projets qui"
                        + " repensent les espaces, les usages et la vie scolaire avec ceux qui les vivent.</p>",
                "<p>Regions build and maintain secondary schools. This theme gathers the projects that rethink"
                        + " spaces, uses and school life with the people who live them.</p>");
        add(ContentKind.THEME, "service-design", true, List.of(), "Design de services", "Service design",
                "Concevoir les services publics à partir de l'expérience de leurs usagers.",
                "Designing public services from the experience of their users.",
                "<p>Observer, prototyper, tester avec les usagers avant de généraliser : les projets de ce thème"
                        + " appliquent le design aux guichets, aux formulaires et aux politiques.</p>",
                "<p>Observe, prototype and test with users before rolling out: the projects of this theme apply"
                        + " design to counters, forms and policies.</p>");
        add(ContentKind.NEWS, "nouveau-portail", true, List.of(), "Un nouveau portail public",
                "A new public portal",
                "Projets, labels, thèmes et explications : le réseau ouvre son portail aux citoyens.",
                "Projects, labels, themes and explainers: the network opens its portal to citizens.",
                "<p>Le portail présente les projets publics des régions membres et les labels attribués.</p>",
                "<p>The portal presents the member regions' public projects and the labels awarded.</p>");
        add(ContentKind.EXPLAINER, "design-de-services", true, publicProjects("service-design", 5),
                "Le design de services, c'est quoi ?", "What is service design?",
                "Une méthode pour concevoir un service public en partant de ceux qui l'utilisent.",
                "A method to design a public service starting from the people who use it.",
                "<p>Le design de services observe comment les usagers vivent un service, imagine des"
                        + " améliorations avec eux, puis les essaie en petit avant de les étendre.</p>"
                        + "<ul><li>Observer sur le terrain</li><li>Prototyper</li><li>Tester et ajuster</li></ul>",
                "<p>Service design watches how users live a service, imagines improvements with them, then tries"
                        + " them on a small scale before extending them.</p>"
                        + "<ul><li>Observe in the field</li><li>Prototype</li><li>Test and adjust</li></ul>");
        add(ContentKind.EXPLAINER, "donnees-ouvertes", true, publicProjects("digital-culture", 5),
                "Les données ouvertes, c'est quoi ?", "What is open data?",
                "Des données publiques que chacun peut télécharger, réutiliser et redistribuer librement.",
                "Public data that anyone may download, reuse and redistribute freely.",
                "<p>Une administration publie ses données (horaires, budgets, équipements) sous une licence"
                        + " ouverte, dans un format lisible par une machine. Chacun peut les réutiliser.</p>",
                "<p>An administration publishes its data (timetables, budgets, facilities) under an open licence,"
                        + " in a machine-readable format. Anyone may reuse it.</p>");
        add(ContentKind.EXPLAINER, "ia-services-publics", false, List.of(),
                "L'intelligence artificielle dans les services publics",
                "Artificial intelligence in public services",
                "Brouillon : ce que l'IA peut et ne peut pas faire pour un service public.",
                "Draft: what AI can and cannot do for a public service.", "<p>À écrire.</p>", "<p>To be written.</p>");
        add(ContentKind.ACCESSIBILITY, null, true, List.of(),
                "Déclaration d'accessibilité", "Accessibility statement",
                "Ce site est non conforme au RGAA 4.1 : il n'a pas encore fait l'objet d'un audit complet, et"
                        + " le RGAA demande de le déclarer ainsi en l'absence d'audit. Les tests automatiques"
                        + " ci-dessous ne relèvent aucune erreur, mais ne couvrent qu'une partie des critères.",
                "This site is not compliant with RGAA 4.1: it has not had a full audit yet, and RGAA asks for"
                        + " this statement when there is none. The automated tests below find no error, but cover"
                        + " part of the criteria only.",
                "<h3>Contenus non accessibles</h3><p>Les pièces jointes PDF déposées par les régions peuvent ne pas"
                        + " être accessibles (dérogation pour charge disproportionnée, en cours d'examen).</p>"
                        + "<h3>Retour d'information et contact</h3><p>Si vous n'arrivez pas à accéder à un"
                        + " contenu, écrivez-nous : <a href=\"mailto:accessibilite@27eregion.invalid\">"
                        + "accessibilite@27eregion.invalid</a>.</p>",
                "<h3>Content that is not accessible</h3><p>PDF attachments uploaded by the regions may not be"
                        + " accessible (exemption for disproportionate burden, under review).</p>"
                        + "<h3>Feedback and contact</h3><p>If you cannot reach a content, write to us: "
                        + "<a href=\"mailto:accessibilite@27eregion.invalid\">accessibilite@27eregion.invalid</a>."
                        + "</p>");
        return 8;
    }

    private List<Long> publicProjects(String theme, int max) {
        return em.createQuery("SELECT p.id FROM Project p WHERE p.visibility = :public AND (:theme IS NULL OR"
                        + " EXISTS (SELECT t FROM Project q JOIN q.themes t WHERE q = p AND t.code = :theme))"
                        + " ORDER BY p.title", Long.class)
                .setParameter("public", ProjectVisibility.PUBLIC).setParameter("theme", theme)
                .setMaxResults(max).getResultList();
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private void add(ContentKind kind, String key, boolean publish, List<Long> projects, String titleFr,
                     String titleEn, String summaryFr, String summaryEn, String bodyFr, String bodyEn) {
        ContentDetails details = new ContentDetails();
        details.setKind(kind);
        details.setKey(key);
        details.setTitleFr(titleFr);
        details.setTitleEn(titleEn);
        details.setSummaryFr(summaryFr);
        details.setSummaryEn(summaryEn);
        details.setBodyFr(bodyFr);
        details.setBodyEn(bodyEn);
        details.setProjectIds(projects);
        ContentItem item = ContentItem.draft(details, RichText::sanitise, "system", clock.instant());
        transitions.create(workflow, item, ACTORS, ContentTransitions.describe(item));
        if (publish) {
            transitions.apply(workflow, item, item.version(), ContentAction.PUBLISH, ACTORS, null);
        }
    }
}
