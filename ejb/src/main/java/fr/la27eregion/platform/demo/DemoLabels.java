package fr.la27eregion.platform.demo;

import fr.la27eregion.identity.entity.Account;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.chain.Subject;
import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.label.control.ApplicationTransitions;
import fr.la27eregion.label.control.Drafts;
import fr.la27eregion.label.entity.ApplicationAction;
import fr.la27eregion.label.entity.ApplicationInputs;
import fr.la27eregion.label.entity.Campaign;
import fr.la27eregion.label.entity.CampaignDetails;
import fr.la27eregion.label.entity.CriterionDetails;
import fr.la27eregion.label.entity.DecisionKind;
import fr.la27eregion.label.entity.DecisionTemplate;
import fr.la27eregion.label.entity.LabelApplication;
import fr.la27eregion.label.entity.LabelProgramme;
import fr.la27eregion.label.entity.ProgrammeDetails;
import fr.la27eregion.label.entity.ScoringCriterion;
import fr.la27eregion.label.entity.ScoringGrid;
import fr.la27eregion.platform.workflow.Actor;
import fr.la27eregion.platform.workflow.Transitions;
import fr.la27eregion.project.entity.Project;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo labels: the programme "Label 27e Région — Innovation publique" with its grid of six criteria in French
 * and English and its decision templates; the campaigns of three years ago and of last year, closed and decided
 * ({@link DemoLabelDecisions}: reviews, decisions, labels, one expired, one renewed); and this year's campaign, open, with drafts and submitted
 * applications of demo projects, each through the applications' own path ({@link Drafts}, then
 * {@link Transitions}), so each has its journal entries. The applicant's steps are taken as the platform playing
 * the project's coordinator. Each record is found by its natural key (the programme's and the campaigns' codes, a
 * project's application in a campaign), so a restart or a second instance adds nothing twice.
 */
@Dependent
class DemoLabels {

    static final String PROGRAMME = "INNOVATION-PUBLIQUE";

    /** Who the applicant's steps are taken as: the platform, with a coordinator's rights. */
    private static final List<Actor> APPLICANT = List.of(Actor.SYSTEM, Actor.of(Role.MEMBER_COORDINATOR));

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static final List<CriterionDetails> CRITERIA = List.of(
            criterion("user-centred", "Conception centrée sur les usagers", "User-centred design",
                    "Comment les usagers et les agents ont-ils été associés à la conception et aux essais ?",
                    "How were users and staff involved in the design and the trials?", "2"),
            criterion("cooperation", "Coopération entre régions", "Cooperation between regions",
                    "Quelles régions, en France ou en Europe, ont pris part au projet, et comment ?",
                    "Which regions, in France or in Europe, took part, and how?", "1"),
            criterion("experimentation", "Expérimentation et itération", "Experimentation and iteration",
                    "Qu'a-t-on testé avant de généraliser ? Qu'a-t-on changé après les essais ?",
                    "What was tested before scaling up? What changed after the trials?", "1.5"),
            criterion("transferability", "Transférabilité", "Transferability",
                    "Une autre collectivité pourrait-elle reprendre le projet ? Avec quels outils ?",
                    "Could another public body take the project up? With which tools?", "1.5"),
            criterion("impact", "Évaluation de l'impact", "Evaluation of impact",
                    "Quels effets ont été mesurés, par qui, avec quels indicateurs ?",
                    "Which effects were measured, by whom, with which indicators?", "2"),
            criterion("openness", "Ouverture des données et du code", "Openness of data and code",
                    "Quelles données et quels logiciels sont publiés, sous quelles licences ?",
                    "Which data and software are published, under which licences?", "1"));

    /** The open campaign's applications: a demo project's title, whether the coordinator submitted it. */
    private static final Map<String, Boolean> APPLICATIONS = new LinkedHashMap<>();

    static {
        APPLICATIONS.put("Le lycée de demain, conçu avec ses usagers", true);
        APPLICATIONS.put("Laboratoire d'innovation publique d'Occitanie", true);
        APPLICATIONS.put("Territoires zéro chômeur de longue durée", true);
        APPLICATIONS.put("Cantines bio et locales dans les lycées bretons", false);
        APPLICATIONS.put("Achats publics innovants", false);
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Drafts drafts;

    @Inject
    private Transitions transitions;

    @Inject
    private ApplicationTransitions applications;

    @Inject
    private Journal journal;

    @Inject
    private DemoLabelDecisions decisions;

    @Inject
    private Clock clock;

    private static CriterionDetails criterion(String code, String labelFr, String labelEn, String guidanceFr,
                                              String guidanceEn, String weight) {
        return new CriterionDetails(code, labelFr, labelEn, guidanceFr, guidanceEn, new BigDecimal(weight), 5);
    }

    static ProgrammeDetails programmeDetails() {
        ProgrammeDetails details = new ProgrammeDetails();
        details.setCode(PROGRAMME);
        details.setNameFr("Label 27e Région — Innovation publique");
        details.setNameEn("27e Région label — Public innovation");
        details.setReviewersPerApplication(2);
        details.setValidityMonths(24);
        details.setRenewable(true);
        details.setLevels(3);
        details.setMentions(List.of("Coup de cœur du jury", "Coopération européenne", "Communs numériques"));
        return details;
    }

    /** Adds what is missing; how many records (programme, campaigns, applications) it added. */
    int addLabels() {
        int added = 0;
        LabelProgramme programme = em.createNamedQuery(LabelProgramme.BY_CODE, LabelProgramme.class)
                .setParameter("code", PROGRAMME).getResultStream().findFirst().orElse(null);
        if (programme == null) {
            programme = addProgramme();
            added++;
        }
        int year = LocalDate.now(clock.withZone(PARIS)).getYear();
        Long chair = em.createNamedQuery(Account.BY_USERNAME, Account.class).setParameter("username", "jury")
                .getResultStream().findFirst().map(Account::id).orElse(null);
        Instant now = clock.instant();
        for (int ago : List.of(3, 1)) {
            if (campaign("INNOVATION-" + (year - ago)) == null) {
                addCampaign(programme, "INNOVATION-" + (year - ago), year - ago, at(year - ago, 1, 15),
                        at(year - ago, 3, 31), LocalDate.of(year - ago, 5, 20), chair);
                added++;
            }
        }
        // the past campaigns decided: awards and rejections, their labels, one expired, one renewed
        added += decisions.addDecisions(campaign("INNOVATION-" + (year - 3)), campaign("INNOVATION-" + (year - 1)));
        Campaign open = campaign("INNOVATION-" + year);
        if (open == null) {
            // open whenever the demo starts: from a month before to three months after
            open = addCampaign(programme, "INNOVATION-" + year, year, now.minus(30, ChronoUnit.DAYS),
                    now.plus(90, ChronoUnit.DAYS), LocalDate.now(clock.withZone(PARIS)).plusMonths(4), chair);
            added++;
        }
        if (open.isOpen(now)) {
            added += addApplications(open);
        }
        return added;
    }

    private LabelProgramme addProgramme() {
        Instant now = clock.instant();
        LabelProgramme programme = LabelProgramme.create(programmeDetails().check(), now);
        em.persist(programme);
        ScoringGrid grid = ScoringGrid.next(programme, null, CriterionDetails.checkAll(CRITERIA), now);
        em.persist(grid);
        em.persist(DecisionTemplate.create(programme, DecisionKind.AWARD, "Projet exemplaire",
                "Le jury salue un projet exemplaire, conçu avec ses usagers et évalué avec rigueur.",
                "The jury commends an exemplary project, designed with its users and rigorously evaluated."));
        em.persist(DecisionTemplate.create(programme, DecisionKind.REJECT, "Évaluation insuffisante",
                "Le jury encourage l'équipe à mesurer les effets du projet avant de candidater à nouveau.",
                "The jury encourages the team to measure the project's effects before applying again."));
        em.flush();
        Map<String, Object> details = new HashMap<>();
        details.put("code", programme.code());
        details.put("gridVersion", grid.gridVersion());
        details.put("criteria", grid.criteria().stream().map(ScoringCriterion::code).toList());
        details.put("demo", true);
        journal.append(Subject.of(LabelProgramme.JOURNAL_TYPE, programme.id()), "label-programme.create",
                LabelProgramme.JOURNAL_TYPE, String.valueOf(programme.id()), null, null, null, details);
        return programme;
    }

    private Campaign campaign(String code) {
        return em.createNamedQuery(Campaign.BY_CODE, Campaign.class).setParameter("code", code).getResultStream()
                .findFirst().orElse(null);
    }

    private static Instant at(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 12, 0).atZone(PARIS).toInstant();
    }

    private Campaign addCampaign(LabelProgramme programme, String code, int year, Instant opens, Instant closes,
                                 LocalDate juryOn, Long chair) {
        CampaignDetails details = new CampaignDetails();
        details.setCode(code);
        details.setTitleFr("Appel à candidatures " + year + " — Innovation publique");
        details.setTitleEn(year + " call for applications — Public innovation");
        details.setOpensAt(opens);
        details.setClosesAt(closes);
        details.setJuryOn(juryOn);
        details.setJuryChairAccountId(chair);
        ScoringGrid grid = em.createNamedQuery(ScoringGrid.OF_PROGRAMME, ScoringGrid.class)
                .setParameter("programme", programme.id()).setMaxResults(1).getSingleResult();
        Campaign campaign = Campaign.create(programme, grid, details.check(), clock.instant());
        em.persist(campaign);
        em.flush();
        journal.append(Subject.of(Campaign.JOURNAL_TYPE, campaign.id()), "campaign.create", Campaign.JOURNAL_TYPE,
                String.valueOf(campaign.id()), null, null, null, Map.of("code", code, "demo", true));
        return campaign;
    }

    private int addApplications(Campaign campaign) {
        int added = 0;
        for (Map.Entry<String, Boolean> demo : APPLICATIONS.entrySet()) {
            Project project = em.createQuery("SELECT p FROM Project p WHERE p.title = :title", Project.class)
                    .setParameter("title", demo.getKey()).getResultStream().findFirst().orElse(null);
            if (project == null || drafts.live(campaign.id(), project.id())) {
                continue;
            }
            LabelApplication application = drafts.start(campaign, project, null, APPLICANT);
            Map<Long, String> answers = new HashMap<>();
            List<ScoringCriterion> criteria = campaign.grid().criteria();
            // a draft is half answered; a submitted application answers every criterion
            int answered = demo.getValue() ? criteria.size() : criteria.size() / 2;
            for (ScoringCriterion criterion : criteria.subList(0, answered)) {
                answers.put(criterion.id(), answer(project, criterion));
            }
            application.answer(answers, clock.instant());
            if (demo.getValue()) {
                transitions.apply(applications, application, null, ApplicationAction.SUBMIT, APPLICANT,
                        ApplicationInputs.of(null, clock.instant()));
            }
            added++;
        }
        return added;
    }

    static String answer(Project project, ScoringCriterion criterion) {
        return switch (criterion.code()) {
            case "user-centred" -> "Le projet « " + project.title() + " » a été conçu en ateliers avec ses usagers "
                    + "et les agents qui le font vivre, puis testé en conditions réelles.";
            case "cooperation" -> "Deux autres régions du réseau ont suivi l'expérimentation et partagé leurs outils.";
            case "experimentation" -> "Un site pilote a servi de terrain d'essai ; trois versions successives ont "
                    + "corrigé ce que les essais ont montré.";
            case "transferability" -> "Le guide de mise en œuvre, les cahiers des charges et les supports de "
                    + "formation sont réutilisables par une autre collectivité.";
            case "impact" -> "Une évaluation indépendante a mesuré la satisfaction des usagers et le coût du service "
                    + "avant et après.";
            default -> "Les données sont publiées sous Licence Ouverte et le code sous licence libre.";
        };
    }
}
