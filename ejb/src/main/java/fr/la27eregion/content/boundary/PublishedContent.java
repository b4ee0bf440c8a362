package fr.la27eregion.content.boundary;

import fr.la27eregion.content.entity.ContentItem;
import fr.la27eregion.content.entity.ContentKind;
import fr.la27eregion.content.entity.ContentState;
import fr.la27eregion.label.entity.LabelState;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.time.Clocks;
import fr.la27eregion.project.entity.ProjectVisibility;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What the public pages read of the secretariat's content, for everyone, signed in or not: only
 * {@link ContentState#PUBLISHED} items, and only public projects (and the labels in force on them). A draft or an
 * unpublished item answers exactly as an unknown one ({@link RecordNotFound} or nothing).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class PublishedContent {

    /** At most this many items or projects in one list of a public page. */
    public static final int MAX_LIST = 50;

    private static final String PUBLISHED = "SELECT c FROM ContentItem c WHERE c.state = :published"
            + " AND c.kind = :kind";

    private static final String CARD = "SELECT NEW fr.la27eregion.content.boundary.ProjectCard(p.id, p.slug,"
            + " p.title, p.summary, p.leadOrganisation.name) FROM Project p WHERE p.visibility = :public";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    /** The published item of a single kind (the home text, the accessibility statement's), if it is published. */
    public Optional<ContentItem> single(ContentKind kind) {
        return one(kind, kind.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** A theme's published introduction, if it has one. */
    public Optional<ContentItem> themeIntroduction(String themeCode) {
        return themeCode == null ? Optional.empty() : one(ContentKind.THEME, themeCode);
    }

    /**
     * A published explainer or news item by its key.
     *
     * @throws RecordNotFound none of that key is published (unknown, draft or unpublished: the same answer)
     */
    public ContentItem published(ContentKind kind, String key) {
        return one(kind, key).orElseThrow(() -> new RecordNotFound("No published " + kind + " " + key));
    }

    /** The published items of a kind, the last published first, at most {@code max}. */
    public List<ContentItem> latest(ContentKind kind, int max) {
        return em.createQuery(PUBLISHED + " ORDER BY c.publishedAt DESC, c.id DESC", ContentItem.class)
                .setParameter("published", ContentState.PUBLISHED).setParameter("kind", kind)
                .setMaxResults(Math.max(1, Math.min(max, MAX_LIST))).getResultList();
    }

    /** The published explainers that the secretariat linked to this project, by title. */
    public List<ContentItem> explainersOf(long projectId) {
        return em.createQuery(PUBLISHED + " AND :project MEMBER OF c.projectIds ORDER BY c.titleFr",
                        ContentItem.class).setParameter("published", ContentState.PUBLISHED)
                .setParameter("kind", ContentKind.EXPLAINER).setParameter("project", projectId).getResultList();
    }

    /** The public projects the published home text features, by title; none when it is not published. */
    public List<ProjectCard> featuredProjects() {
        return em.createQuery(CARD + " AND p.id IN (SELECT f FROM ContentItem c JOIN c.projectIds f"
                        + " WHERE c.kind = :home AND c.state = :published) ORDER BY p.title", ProjectCard.class)
                .setParameter("public", ProjectVisibility.PUBLIC).setParameter("home", ContentKind.HOME)
                .setParameter("published", ContentState.PUBLISHED).setMaxResults(MAX_LIST).getResultList();
    }

    /** The public projects of a theme, the last changed first, at most {@value #MAX_LIST}. */
    public List<ProjectCard> themeProjects(String themeCode) {
        return em.createQuery(CARD + " AND EXISTS (SELECT t FROM Project q JOIN q.themes t WHERE q = p"
                        + " AND t.code = :theme) ORDER BY p.updatedAt DESC, p.id DESC", ProjectCard.class)
                .setParameter("public", ProjectVisibility.PUBLIC).setParameter("theme", themeCode)
                .setMaxResults(MAX_LIST).getResultList();
    }

    /** The labels in force today on the public projects of a theme, the latest awarded first. */
    public List<ThemeLabel> themeLabels(String themeCode) {
        return em.createQuery("SELECT NEW fr.la27eregion.content.boundary.ThemeLabel(l.certificateNumber,"
                        + " g.nameFr, g.nameEn, p.title, p.id, p.slug, l.awardedOn) FROM Label l JOIN l.programme g"
                        + " JOIN l.project p WHERE p.visibility = :public AND l.state = :active"
                        + " AND l.validUntil >= :today AND EXISTS (SELECT t FROM Project q JOIN q.themes t"
                        + " WHERE q = p AND t.code = :theme) ORDER BY l.awardedOn DESC, l.id DESC", ThemeLabel.class)
                .setParameter("public", ProjectVisibility.PUBLIC).setParameter("active", LabelState.ACTIVE)
                .setParameter("today", Clocks.today(clock)).setParameter("theme", themeCode)
                .setMaxResults(MAX_LIST).getResultList();
    }

    private Optional<ContentItem> one(ContentKind kind, String key) {
        return em.createQuery(PUBLISHED + " AND c.key = :key", ContentItem.class)
                .setParameter("published", ContentState.PUBLISHED).setParameter("kind", kind)
                .setParameter("key", key).getResultStream().findFirst();
    }
}
