package fr.la27eregion.platform.demo;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.membership.entity.Organisation;
import fr.la27eregion.platform.workflow.Actor;
import fr.la27eregion.platform.workflow.Transitions;
import fr.la27eregion.project.control.Attachments;
import fr.la27eregion.project.control.Catalogue;
import fr.la27eregion.project.control.ProjectTransitions;
import fr.la27eregion.project.control.StageTransitions;
import fr.la27eregion.project.entity.LinkDetails;
import fr.la27eregion.project.entity.OutsidePartnerDetails;
import fr.la27eregion.project.entity.OutsidePartnerKind;
import fr.la27eregion.project.entity.Project;
import fr.la27eregion.project.entity.ProjectAction;
import fr.la27eregion.project.entity.ProjectDetails;
import fr.la27eregion.project.entity.ProjectInputs;
import fr.la27eregion.project.entity.ProjectKind;
import fr.la27eregion.project.entity.ProjectStage;
import fr.la27eregion.project.entity.ProjectVisibility;
import fr.la27eregion.project.entity.StageAction;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static fr.la27eregion.project.entity.OutsidePartnerKind.ASSOCIATION;
import static fr.la27eregion.project.entity.OutsidePartnerKind.COMPANY;
import static fr.la27eregion.project.entity.OutsidePartnerKind.DESIGN_STUDIO;
import static fr.la27eregion.project.entity.OutsidePartnerKind.LOCAL_AUTHORITY;
import static fr.la27eregion.project.entity.OutsidePartnerKind.PUBLIC_BODY;
import static fr.la27eregion.project.entity.OutsidePartnerKind.RESEARCH;
import static fr.la27eregion.project.entity.OutsidePartnerKind.UNIVERSITY;
import static fr.la27eregion.project.entity.ProjectKind.EXPERIMENT;
import static fr.la27eregion.project.entity.ProjectKind.FORESIGHT;
import static fr.la27eregion.project.entity.ProjectKind.INNOVATION;
import static fr.la27eregion.project.entity.ProjectKind.INTERNATIONAL;
import static fr.la27eregion.project.entity.ProjectKind.INTER_REGIONAL;
import static fr.la27eregion.project.entity.ProjectStage.DEPLOYED;
import static fr.la27eregion.project.entity.ProjectStage.EVALUATED;
import static fr.la27eregion.project.entity.ProjectStage.EXPERIMENTING;
import static fr.la27eregion.project.entity.ProjectStage.IDEA;
import static fr.la27eregion.project.entity.ProjectStage.STOPPED;
import static fr.la27eregion.project.entity.ProjectVisibility.DRAFT;
import static fr.la27eregion.project.entity.ProjectVisibility.NETWORK;
import static fr.la27eregion.project.entity.ProjectVisibility.PUBLIC;

/**
 * The demo catalogue: about forty projects of the regional councils and their partners, across the themes and
 * the regions, some inter-regional, some international with European partners, some from before 2016 filed under
 * the former regions, at every stage and visibility. Each goes through the catalogue's own path
 * ({@link Catalogue#add}, then the steps of its two workflows through {@link Transitions}), so each has its
 * journal entries, as the platform's {@code system} actor playing the secretariat. A project already present (by
 * its title) is left alone, so a restart or a second instance adds nothing twice.
 */
@Dependent
class DemoProjects {

    /** Who the demo acts as: the platform, with the secretariat's rights. */
    private static final Set<Actor> ACTORS = Set.of(Actor.SYSTEM, Actor.of(Role.NETWORK_ADMIN));

    /** A file of a demo project: its project's title, the name it is attached under, its resource beside this class. */
    record DemoFile(String project, String fileName, String resource) {
    }

    /**
     * The demo's attachments, on public and network projects of two organisations. The files are small but real
     * (one-page PDFs in Helvetica, PNG charts drawn with Java 2D), kept beside this class, and go through the
     * upload's own path ({@link Attachments#attach}): type read from the content, SHA-256, store, journal.
     */
    static final List<DemoFile> FILES = List.of(
            new DemoFile("Le lycée de demain, conçu avec ses usagers", "Synthèse du projet.pdf",
                    "lycee-de-demain-synthese.pdf"),
            new DemoFile("Le lycée de demain, conçu avec ses usagers", "Participants aux ateliers.png",
                    "lycee-de-demain-ateliers.png"),
            new DemoFile("Cantines bio et locales dans les lycées bretons", "Bilan 2017-2021.pdf",
                    "cantines-bilan-2021.pdf"),
            new DemoFile("Tiers-lieux numériques en centre-bourg", "Fréquentation 2022-2025.png",
                    "tiers-lieux-frequentation.png"),
            new DemoFile("Achats publics innovants", "Guide des achats innovants.pdf", "achats-innovants-guide.pdf"));

    /** A partner outside the network, as the table below names it. */
    record Outside(String name, String country, OutsidePartnerKind kind) {
    }

    /** One demo project: lead by its region's code, territories, themes and partners' regions space-separated. */
    record Demo(String lead, String title, ProjectKind kind, ProjectStage stage, ProjectVisibility visibility,
                        int started, Integer ended, int budgetThousands, String territories, String themes,
                        String partners, String summary, String description, String lessons,
                        List<Outside> outside) {
    }

    private static Demo demo(String lead, String title, ProjectKind kind, ProjectStage stage,
                             ProjectVisibility visibility, int started, Integer ended, int budgetThousands,
                             String territories, String themes, String partners, String summary,
                             String description, String lessons, Outside... outside) {
        return new Demo(lead, title, kind, stage, visibility, started, ended, budgetThousands, territories, themes,
                partners, summary, description, lessons, List.of(outside));
    }

    private static Outside outside(String name, String country, OutsidePartnerKind kind) {
        return new Outside(name, country, kind);
    }

    static final List<Demo> PROJECTS = List.of(
            demo("FR-53", "Le lycée de demain, conçu avec ses usagers", EXPERIMENT, DEPLOYED, PUBLIC, 2019, 2023, 420,
                    "FR-53", "school-2030 service-design", "",
                    "Élèves, enseignants et agents ont dessiné ensemble les espaces et les usages de trois lycées "
                            + "rénovés en Bretagne.",
                    "<p>Avant les travaux de rénovation, la Région a réuni pendant six mois des <strong>élèves</strong>, "
                            + "des enseignants, des agents d'entretien et des parents pour imaginer les espaces de vie "
                            + "scolaire.</p><p>Des maquettes à l'échelle 1 ont été testées dans un lycée pilote de "
                            + "Quimper avant d'être généralisées.</p>",
                    "<p>Tester les espaces en grandeur réelle avant de figer le programme a évité des erreurs "
                            + "coûteuses ; associer les agents d'entretien dès le début est indispensable.</p>",
                    outside("Université Rennes 2", "FR", UNIVERSITY), outside("Studio Vraiment Vraiment", "FR",
                            DESIGN_STUDIO)),
            demo("FR-53", "Cantines bio et locales dans les lycées bretons", INNOVATION, EVALUATED, PUBLIC, 2017, 2021,
                    950, "FR-53", "sustainability social-innovation", "FR-52",
                    "Un approvisionnement de proximité pour 115 lycées, avec les producteurs et les cuisiniers.",
                    "<p>La Région a accompagné les cuisiniers des lycées pour atteindre 40 % de produits bio ou "
                            + "locaux, en structurant des groupements de producteurs.</p><ul><li>formations des "
                            + "équipes de cuisine</li><li>plateforme de commande mutualisée</li><li>lutte contre le "
                            + "gaspillage</li></ul>",
                    "<p>Le coût matière augmente peu quand le gaspillage baisse ; la logistique est le vrai "
                            + "frein.</p>"),
            demo("FR-53", "Tiers-lieux numériques en centre-bourg", INNOVATION, EXPERIMENTING, NETWORK, 2022, null, 310,
                    "FR-53", "digital-culture participation", "",
                    "Des espaces de travail partagé et de médiation numérique dans vingt petites communes.",
                    "<p>Les tiers-lieux soutenus accueillent télétravailleurs, associations et ateliers "
                            + "d'inclusion numérique. L'expérimentation mesure leur effet sur la revitalisation des "
                            + "centres-bourgs.</p>",
                    ""),
            demo("FR-53", "Budget participatif régional des jeunes", EXPERIMENT, IDEA, DRAFT, 2025, null, 200,
                    "FR-53", "participation", "",
                    "Confier aux 15-25 ans une part du budget jeunesse, sur projets votés en ligne et en lycée.",
                    "<p>Projet en préparation : règlement, plateforme de vote et accompagnement des porteurs de "
                            + "projets.</p>",
                    ""),
            demo("FR-53", "Coopération maritime avec la Catalogne", INTERNATIONAL, EXPERIMENTING, PUBLIC, 2021, null,
                    380, "FR-53 ES51", "clusters sustainability", "ES51",
                    "Les ports de pêche bretons et catalans échangent leurs pratiques de transition énergétique.",
                    "<p>Visites croisées, jumelage de ports et projet commun de déposition à l'appel Interreg "
                            + "Europe.</p>",
                    "<p>Un interprète technique vaut mieux que dix réunions en anglais.</p>",
                    outside("Port de Barcelone", "ES", PUBLIC_BODY),
                    outside("Ifremer", "FR", RESEARCH)),
            demo("FR-53", "Maisons de services au public en Bretagne", INNOVATION, STOPPED, NETWORK, 2013, 2015, 180,
                    "FR-53-2015", "public-innovation service-design", "",
                    "Premières maisons de services au public rurales, avant le programme national France Services.",
                    "<p>Cinq maisons pilotes ont regroupé les guichets de la Région, de l'État et des caisses "
                            + "sociales dans des communes rurales.</p>",
                    "<p>Le programme national a pris le relais : l'expérience régionale a nourri son cahier des "
                            + "charges.</p>"),
            demo("FR-52", "Design des politiques de l'emploi", EXPERIMENT, EVALUATED, PUBLIC, 2018, 2020, 260,
                    "FR-52", "service-design public-innovation", "FR-53",
                    "Refonte des aides à la formation à partir de l'expérience des demandeurs d'emploi.",
                    "<p>Une équipe de designers a suivi trente parcours de demandeurs d'emploi pour simplifier les "
                            + "formulaires et les délais.</p>",
                    "<p>Moins de pièces justificatives, des délais divisés par deux.</p>",
                    outside("La 27e Région — Transfo", "FR", ASSOCIATION)),
            demo("FR-52", "Mobilité solidaire en milieu rural", INNOVATION, DEPLOYED, PUBLIC, 2020, null, 540,
                    "FR-52", "social-innovation sustainability", "",
                    "Covoiturage de proximité et garages solidaires pour les personnes sans voiture.",
                    "<p>Les associations de mobilité solidaire sont financées sur trois ans pour couvrir tout le "
                            + "territoire rural.</p>",
                    ""),
            demo("FR-52", "Estuaire de la Loire : prospective 2050", FORESIGHT, IDEA, NETWORK, 2024, null, 120,
                    "FR-52", "architecture-urbanism sustainability", "FR-53",
                    "Scénarios d'aménagement de l'estuaire face à la montée des eaux.",
                    "<p>Ateliers prospectifs avec les élus, les scientifiques et les habitants.</p>",
                    ""),
            demo("FR-75", "Territoires zéro chômeur de longue durée", EXPERIMENT, DEPLOYED, PUBLIC, 2017, null, 880,
                    "FR-75", "social-innovation", "FR-32 FR-44",
                    "Des entreprises à but d'emploi embauchent en CDI des chômeurs de longue durée.",
                    "<p>La Région soutient les territoires de l'expérimentation nationale et finance l'ingénierie "
                            + "des comités locaux.</p>",
                    "<p>Le comité local pour l'emploi est la clé : sans lui, pas d'activités utiles "
                            + "nouvelles.</p>",
                    outside("ATD Quart Monde", "FR", ASSOCIATION)),
            demo("FR-75", "Observatoire du littoral aquitain", INNOVATION, EVALUATED, PUBLIC, 2012, 2015, 350,
                    "FR-72-2015", "sustainability", "",
                    "Suivi participatif de l'érosion des plages par les habitants et les scientifiques.",
                    "<p>Des bornes photographiques permettaient aux promeneurs de documenter l'évolution du trait "
                            + "de côte.</p>",
                    "<p>Les données citoyennes ont complété utilement les relevés officiels.</p>",
                    outside("Université de Bordeaux", "FR", UNIVERSITY)),
            demo("FR-75", "Limousin : santé et télémédecine en EHPAD", EXPERIMENT, EVALUATED, NETWORK, 2014, 2016, 290,
                    "FR-74-2015", "public-innovation digital-culture", "",
                    "Téléconsultations en établissements pour personnes âgées d'un territoire rural.",
                    "<p>Trente EHPAD équipés, en lien avec le CHU de Limoges.</p>",
                    "<p>La formation des soignants compte plus que le matériel.</p>"),
            demo("FR-76", "Laboratoire d'innovation publique d'Occitanie", INNOVATION, DEPLOYED, PUBLIC, 2018, null, 700,
                    "FR-76", "public-innovation service-design", "",
                    "Une équipe interne qui accompagne les services dans la conception de leurs politiques.",
                    "<p>Le laboratoire mène chaque année une dizaine de missions : accueil des usagers, aides "
                            + "aux entreprises, transports scolaires.</p>",
                    "<p>Un sponsor de direction générale est indispensable pour passer du prototype à la "
                            + "généralisation.</p>"),
            demo("FR-76", "Cité de l'eau et des sols vivants", EXPERIMENT, EXPERIMENTING, PUBLIC, 2022, null, 460,
                    "FR-76", "sustainability eco-manufacturing", "FR-93",
                    "Agriculteurs et chercheurs testent des pratiques qui retiennent l'eau dans les sols.",
                    "<p>Cinquante exploitations pilotes mesurent l'effet des couverts végétaux.</p>",
                    "",
                    outside("INRAE", "FR", RESEARCH)),
            demo("FR-76", "Midi-Pyrénées : aéronautique et PME", INNOVATION, EVALUATED, PUBLIC, 2011, 2014, 1200,
                    "FR-73-2015", "clusters", "",
                    "Mise en réseau des sous-traitants aéronautiques pour l'innovation collaborative.",
                    "<p>Le cluster a financé quinze projets collaboratifs entre PME et grands donneurs "
                            + "d'ordres.</p>",
                    "<p>La propriété intellectuelle doit être réglée avant le début des projets.</p>"),
            demo("FR-84", "Montagne 2040 : tourisme quatre saisons", FORESIGHT, EXPERIMENTING, PUBLIC, 2021, null, 330,
                    "FR-84", "sustainability architecture-urbanism", "FR-93",
                    "Préparer les stations de moyenne montagne à la fin de l'enneigement garanti.",
                    "<p>Scénarios et expérimentations dans six stations : activités d'été, logement des "
                            + "saisonniers, mobilités.</p>",
                    ""),
            demo("FR-84", "Rhône-Alpes : lycées à énergie positive", INNOVATION, EVALUATED, PUBLIC, 2010, 2015, 2400,
                    "FR-82-2015", "eco-manufacturing architecture-urbanism", "",
                    "Trois lycées construits ou rénovés pour produire plus d'énergie qu'ils n'en consomment.",
                    "<p>Programme pionnier de bâtiments scolaires à énergie positive, suivi pendant cinq "
                            + "ans.</p>",
                    "<p>Les usages comptent autant que le bâti : former les équipes de maintenance.</p>"),
            demo("FR-84", "Auvergne : la fibre dans les villages", INNOVATION, EVALUATED, NETWORK, 2013, 2016, 3000,
                    "FR-83-2015", "digital-culture", "",
                    "Déploiement du très haut débit dans les communes rurales d'Auvergne.",
                    "<p>Réseau d'initiative publique couvrant 400 communes.</p>", ""),
            demo("FR-84", "Achats publics innovants", EXPERIMENT, DEPLOYED, NETWORK, 2020, null, 150,
                    "FR-84", "public-innovation clusters", "FR-27",
                    "Ouvrir la commande publique régionale aux start-up et aux PME innovantes.",
                    "<p>Sourcing, dialogue compétitif et marchés d'innovation pour dix besoins des services.</p>",
                    ""),
            demo("FR-44", "Alsace-Bade : apprentissage transfrontalier", INTERNATIONAL, DEPLOYED, PUBLIC, 2014, null,
                    610, "FR-42-2015 FR-44", "school-2030", "",
                    "Des apprentis formés en France et employés en Allemagne, avec un double diplôme.",
                    "<p>L'accord avec le Land de Bade-Wurtemberg permet de suivre la théorie d'un côté du Rhin "
                            + "et la pratique de l'autre.</p>",
                    "<p>Le bilinguisme des maîtres d'apprentissage est la condition du succès.</p>",
                    outside("Regierungspräsidium Freiburg", "DE", PUBLIC_BODY),
                    outside("Chambre de commerce Alsace Eurométropole", "FR", PUBLIC_BODY)),
            demo("FR-44", "Lorraine : reconversion des friches industrielles", INNOVATION, EVALUATED, PUBLIC, 2009,
                    2015, 1800, "FR-41-2015", "architecture-urbanism eco-manufacturing", "",
                    "Établissement public foncier et Région requalifient des friches sidérurgiques.",
                    "<p>Dépollution, occupation temporaire et nouveaux quartiers sur d'anciens sites "
                            + "industriels.</p>",
                    "<p>L'occupation temporaire fait vivre les sites pendant les longues phases d'études.</p>"),
            demo("FR-44", "Champagne-Ardenne : bioraffinerie territoriale", INNOVATION, DEPLOYED, NETWORK, 2012, null,
                    2200, "FR-21-2015", "eco-manufacturing clusters", "FR-32",
                    "Valoriser les coproduits agricoles en matériaux et en chimie verte.",
                    "<p>Plateforme d'innovation ouverte associant coopératives et laboratoires.</p>", "",
                    outside("Université de Reims Champagne-Ardenne", "FR", UNIVERSITY)),
            demo("FR-32", "Troisième révolution industrielle", FORESIGHT, DEPLOYED, PUBLIC, 2013, null, 1500,
                    "FR-31-2015 FR-32", "sustainability eco-manufacturing", "",
                    "La démarche rev3 : énergies renouvelables, efficacité et économie circulaire.",
                    "<p>Lancée en Nord-Pas-de-Calais avec Jeremy Rifkin, la démarche a été étendue à toute la "
                            + "région Hauts-de-France.</p>",
                    "<p>Une dynamique durable tient à la mobilisation des entreprises, pas seulement à la "
                            + "vision.</p>"),
            demo("FR-32", "Picardie : maisons de santé pluriprofessionnelles", INNOVATION, EVALUATED, PUBLIC, 2011, 2015,
                    700, "FR-22-2015", "public-innovation social-innovation", "",
                    "Attirer les médecins en zone rurale par l'exercice regroupé.",
                    "<p>Vingt maisons de santé financées avec les communautés de communes.</p>",
                    "<p>Le projet de santé partagé compte plus que les murs.</p>"),
            demo("FR-32", "Écoles ouvertes le soir et le week-end", EXPERIMENT, STOPPED, NETWORK, 2019, 2021, 90,
                    "FR-32", "school-2030 participation", "",
                    "Ouvrir les lycées aux associations du quartier en dehors du temps scolaire.",
                    "<p>Trois lycées pilotes ont accueilli des activités associatives le soir.</p>",
                    "<p>Les questions d'assurance et de gardiennage n'ont pas été résolues à temps.</p>"),
            demo("FR-11", "Paris-Saclay : living lab de la mobilité autonome", EXPERIMENT, EXPERIMENTING, PUBLIC, 2022,
                    null, 1300, "FR-11", "clusters digital-culture", "",
                    "Navettes autonomes sur le plateau de Saclay, évaluées avec les usagers.",
                    "<p>Trois lignes de navettes desservent les campus et la gare ; les usagers notent chaque "
                            + "trajet.</p>",
                    "",
                    outside("Université Paris-Saclay", "FR", UNIVERSITY), outside("Renault Group", "FR", COMPANY)),
            demo("FR-11", "Île-de-France : consigne des emballages", INNOVATION, IDEA, DRAFT, 2025, null, 500,
                    "FR-11", "eco-manufacturing sustainability", "",
                    "Étudier une consigne régionale des bouteilles en verre avec les producteurs franciliens.",
                    "<p>Étude de faisabilité en cours de cadrage.</p>", ""),
            demo("FR-28", "Normandie : fab labs des lycées professionnels", INNOVATION, DEPLOYED, PUBLIC, 2018, null,
                    640, "FR-28", "school-2030 digital-culture eco-manufacturing", "",
                    "Un fab lab dans chaque lycée professionnel, ouvert aux entreprises locales.",
                    "<p>Imprimantes 3D, découpe laser et électronique pour les élèves et les artisans.</p>",
                    "<p>Un animateur dédié fait la différence entre un fab lab vivant et une salle fermée.</p>"),
            demo("FR-28", "Basse-Normandie : télétravail rural", EXPERIMENT, STOPPED, PUBLIC, 2012, 2014, 110,
                    "FR-25-2015", "digital-culture", "",
                    "Télécentres dans des gares rurales pour les navetteurs.",
                    "<p>Quatre télécentres ouverts en 2012, fermés faute de fréquentation.</p>",
                    "<p>Trop tôt : les employeurs n'autorisaient pas encore le télétravail.</p>"),
            demo("FR-27", "Bourgogne-Franche-Comté : villages du futur", INTER_REGIONAL, EXPERIMENTING, PUBLIC, 2020,
                    null, 420, "FR-27 FR-24", "participation architecture-urbanism", "FR-24",
                    "Des résidences d'architectes et de designers dans des villages pour imaginer leur avenir.",
                    "<p>Chaque village accueille une équipe pendant trois mois ; les habitants choisissent les "
                            + "projets à réaliser.</p>",
                    "",
                    outside("École nationale supérieure d'art de Dijon", "FR", UNIVERSITY)),
            demo("FR-27", "Franche-Comté : horlogerie et microtechniques", INNOVATION, EVALUATED, NETWORK, 2010, 2015,
                    900, "FR-43-2015", "nanotech clusters", "",
                    "Un pôle de compétitivité des microtechniques autour de Besançon.",
                    "<p>Projets collaboratifs entre horlogers, sous-traitants médicaux et laboratoires.</p>", "",
                    outside("FEMTO-ST", "FR", RESEARCH)),
            demo("FR-24", "Centre-Val de Loire : conférences citoyennes", EXPERIMENT, EVALUATED, PUBLIC, 2017, 2019, 80,
                    "FR-24", "participation", "",
                    "Des citoyens tirés au sort donnent leur avis sur la politique régionale de santé.",
                    "<p>Trois conférences de vingt-cinq citoyens tirés au sort, formés puis consultés.</p>",
                    "<p>La Région s'est engagée à répondre publiquement à chaque recommandation.</p>"),
            demo("FR-24", "Transport à la demande régional", INNOVATION, DEPLOYED, NETWORK, 2021, null, 760,
                    "FR-24", "public-innovation sustainability", "",
                    "Des navettes sur réservation là où les lignes régulières ne passent pas.",
                    "<p>Réservation par téléphone ou application, véhicules adaptés.</p>", ""),
            demo("FR-93", "Provence : forêts et incendies, prévention partagée", INNOVATION, DEPLOYED, PUBLIC, 2019, null,
                    1100, "FR-93", "sustainability participation", "FR-76 FR-94",
                    "Habitants, pompiers et forestiers préparent ensemble la saison des feux.",
                    "<p>Débroussaillement, vigies citoyennes et cartographie partagée des risques.</p>", "",
                    outside("Office national des forêts", "FR", PUBLIC_BODY)),
            demo("FR-93", "Méditerranée : réseau des laboratoires d'innovation", INTERNATIONAL, EXPERIMENTING, PUBLIC,
                    2023, null, 240, "FR-93 ES51 ITC4", "public-innovation", "ES51",
                    "Échanges de méthodes entre laboratoires d'innovation publique méditerranéens.",
                    "<p>Séminaires annuels, missions croisées et boîte à outils commune.</p>", "",
                    outside("Regione Lombardia", "IT", LOCAL_AUTHORITY)),
            demo("FR-04", "La Réunion : cantines et circuits courts insulaires", INNOVATION, EXPERIMENTING, PUBLIC, 2022,
                    null, 300, "FR-04", "sustainability school-2030", "",
                    "Moins d'importations dans l'assiette des lycéens réunionnais.",
                    "<p>Contrats avec les producteurs locaux et légumeries dans les lycées.</p>", ""),
            demo("FR-01", "Guadeloupe : résilience des services face aux cyclones", FORESIGHT, IDEA, NETWORK, 2024, null,
                    150, "FR-01", "public-innovation sustainability", "FR-02",
                    "Préparer la continuité des services publics régionaux après un cyclone majeur.",
                    "<p>Retours d'expérience d'Irma et Maria, exercices de crise, plans de continuité.</p>", ""),
            demo("ES51", "Catalogne–Occitanie : laboratoires citoyens transfrontaliers", INTERNATIONAL, EXPERIMENTING,
                    PUBLIC, 2022, null, 280, "ES51 FR-76", "participation digital-culture", "FR-76",
                    "Des laboratoires citoyens de part et d'autre des Pyrénées.",
                    "<p>Ateliers bilingues sur la mobilité et le numérique dans les vallées frontalières.</p>", "",
                    outside("Ajuntament de Puigcerdà", "ES", LOCAL_AUTHORITY)),
            demo("FR-53", "Europe des régions : design des services publics", INTERNATIONAL, EVALUATED, PUBLIC, 2016,
                    2019, 520, "FR-53 FI1B BE10", "service-design public-innovation", "",
                    "Trois régions européennes comparent leurs laboratoires de design des services publics.",
                    "<p>Échanges d'agents, études de cas partagées et guide commun publié en trois langues.</p>",
                    "<p>Comparer les méthodes pousse chaque équipe à expliciter les siennes.</p>",
                    outside("Helsinki Design Lab (Sitra)", "FI", PUBLIC_BODY),
                    outside("Région de Bruxelles-Capitale", "BE", LOCAL_AUTHORITY)),
            demo("FR-52", "Pays de la Loire : l'école du numérique responsable", INNOVATION, IDEA, DRAFT, 2025, null, 90,
                    "FR-52", "school-2030 digital-culture", "",
                    "Sobriété numérique et réemploi des équipements dans les lycées.",
                    "<p>Idée en cours d'instruction.</p>", ""),
            demo("FR-76", "Languedoc-Roussillon : viticulture et changement climatique", FORESIGHT, EVALUATED, PUBLIC,
                    2012, 2015, 260, "FR-91-2015", "sustainability", "",
                    "Scénarios d'adaptation des vignobles à la sécheresse.",
                    "<p>Recherche-action avec les caves coopératives et l'INRA de Montpellier.</p>",
                    "<p>Les scénarios ont servi au plan régional d'adaptation.</p>"),
            demo("FR-75", "Poitou-Charentes : économie sociale et solidaire", INNOVATION, EVALUATED, NETWORK, 2010, 2015,
                    480, "FR-54-2015", "social-innovation", "",
                    "Fonds d'amorçage pour les coopératives et les entreprises d'insertion.",
                    "<p>Plus de cent structures accompagnées en cinq ans.</p>", ""),
            demo("FR-02", "Martinique : médiation numérique itinérante", INNOVATION, EXPERIMENTING, DRAFT, 2023, null,
                    70, "FR-02", "digital-culture social-innovation", "",
                    "Un bus de médiation numérique dans les communes du nord de l'île.",
                    "<p>Accompagnement aux démarches en ligne, en créole et en français.</p>", "")
    );

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Catalogue catalogue;

    @Inject
    private Transitions transitions;

    @Inject
    private ProjectTransitions visibility;

    @Inject
    private StageTransitions stages;

    @Inject
    private Attachments attachments;

    /** Adds the demo projects that are absent (by title); returns how many were added. */
    int addProjects() {
        int added = 0;
        for (Demo demo : PROJECTS) {
            if (!em.createQuery("SELECT p.id FROM Project p WHERE p.title = :title", Long.class)
                    .setParameter("title", demo.title()).getResultList().isEmpty()) {
                continue;
            }
            add(demo);
            added++;
        }
        return added;
    }

    /**
     * Attaches the demo files that are absent (by project and file name), also to demo projects recorded before
     * they existed; returns how many were added.
     */
    int addAttachments() {
        int added = 0;
        for (DemoFile file : FILES) {
            Project project = em.createQuery("SELECT p FROM Project p WHERE p.title = :title", Project.class)
                    .setParameter("title", file.project()).setMaxResults(1).getResultStream().findFirst()
                    .orElse(null);
            if (project == null || !em.createQuery("SELECT a.id FROM ProjectAttachment a"
                            + " WHERE a.project = :project AND a.fileName = :name", Long.class)
                    .setParameter("project", project).setParameter("name", file.fileName()).getResultList().isEmpty()) {
                continue;
            }
            try (InputStream content = DemoProjects.class.getResourceAsStream(file.resource())) {
                if (content == null) {
                    throw new IllegalStateException("The demo file " + file.resource() + " is missing");
                }
                attachments.attach(project, file.fileName(), content, null);
            } catch (IOException failed) {
                throw new UncheckedIOException("The demo file " + file.resource() + " could not be read", failed);
            }
            added++;
        }
        return added;
    }

    private void add(Demo demo) {
        long lead = organisationOf(demo.lead());
        ProjectDetails details = details(demo, lead, this::organisationOf);
        Project project = catalogue.add(details, lead, ACTORS, null);
        if (demo.stage() == STOPPED) {
            transitions.apply(stages, project.stages(), null, StageAction.STOP, ACTORS,
                    new ProjectInputs("Le projet a été arrêté : voir les enseignements tirés."));
        }
        List<ProjectAction> steps = switch (demo.visibility()) {
            case DRAFT -> List.of();
            case NETWORK -> List.of(ProjectAction.SHARE);
            case PUBLIC -> List.of(ProjectAction.PUBLISH);
        };
        for (ProjectAction step : steps) {
            transitions.apply(visibility, project, null, step, ACTORS, ProjectInputs.NONE);
        }
    }

    /** The details a demo project is recorded with, its partners' organisations found by their territory's code. */
    static ProjectDetails details(Demo demo, long lead, java.util.function.ToLongFunction<String> organisationOf) {
        ProjectDetails details = new ProjectDetails();
        details.setTitle(demo.title());
        details.setSummary(demo.summary());
        details.setDescription(demo.description());
        details.setLessons(demo.lessons());
        details.setKind(demo.kind());
        // a stopped project is stopped by its step, with the reason it was given up
        details.setStage(demo.stage() == STOPPED ? EXPERIMENTING : demo.stage());
        details.setStartedOn(LocalDate.of(demo.started(), 9, 1));
        details.setEndedOn(demo.ended() == null ? null : LocalDate.of(demo.ended(), 6, 30));
        details.setBudgetEuros(BigDecimal.valueOf(demo.budgetThousands() * 1000L));
        details.setContactName("Chargé·e de mission innovation");
        details.setContactEmail("innovation@" + demo.lead().toLowerCase(java.util.Locale.ROOT) + ".demo.27eregion.invalid");
        details.setTerritoryCodes(new ArrayList<>(words(demo.territories())));
        details.setThemeCodes(new ArrayList<>(words(demo.themes())));
        details.setPartnerOrganisationIds(new ArrayList<>(words(demo.partners()).stream()
                .map(organisationOf::applyAsLong).filter(id -> id != lead).toList()));
        details.setOutsidePartners(new ArrayList<>(demo.outside().stream()
                .map(o -> new OutsidePartnerDetails(o.name(), o.country(), o.kind())).toList()));
        details.setLinks(new ArrayList<>(List.of(new LinkDetails("https://www.la27eregion.fr/",
                "La 27e Région"))));
        return details;
    }

    /** The organisation of a territory of the demo (the regional council, or the European region's government). */
    private long organisationOf(String territoryCode) {
        return em.createQuery("SELECT o FROM Organisation o WHERE o.territory.code = :code ORDER BY o.id",
                        Organisation.class).setParameter("code", territoryCode).setMaxResults(1).getSingleResult().id();
    }

    static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));
    }
}
