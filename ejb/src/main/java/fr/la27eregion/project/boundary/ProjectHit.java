package fr.la27eregion.project.boundary;

import fr.la27eregion.project.control.Highlights;
import fr.la27eregion.project.entity.ProjectKind;
import fr.la27eregion.project.entity.ProjectStage;
import fr.la27eregion.project.entity.ProjectVisibility;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * A project found by a search, as the results list shows it: the title and a snippet with the matched words
 * marked (in {@code title} and {@code snippet}, between {@link Highlights#START} and {@link Highlights#STOP}), and
 * what a reader decides on at a glance.
 *
 * @param rank how well it matches the words (0 without words)
 */
public record ProjectHit(long id, String slug, String title, String snippet, ProjectKind kind, ProjectStage stage,
                         ProjectVisibility visibility, LocalDate startedOn, LocalDate endedOn,
                         long leadOrganisationId, String leadOrganisationName, List<String> themeCodes, double rank)
        implements Serializable, Highlights.Marked {

    /** The readable part of the project's public address: {@code {id}-{slug}}. */
    public String path() {
        return id + "-" + slug;
    }

    // JavaBeans getters for Facelets expressions
    public long getId() {
        return id;
    }

    public String getTitleHtml() {
        return titleHtml();
    }

    public String getSnippetHtml() {
        return snippetHtml();
    }

    public String getPath() {
        return path();
    }

    public ProjectKind getKind() {
        return kind;
    }

    public ProjectStage getStage() {
        return stage;
    }

    public ProjectVisibility getVisibility() {
        return visibility;
    }

    public LocalDate getStartedOn() {
        return startedOn;
    }

    public LocalDate getEndedOn() {
        return endedOn;
    }

    public String getLeadOrganisationName() {
        return leadOrganisationName;
    }

    public List<String> getThemeCodes() {
        return themeCodes;
    }
}
