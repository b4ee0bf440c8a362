package fr.la27eregion.project.boundary;

import java.io.Serializable;
import java.util.List;

/**
 * A project of another organisation that resembles the one read: found by the words they share (title and summary
 * first) and their common themes, so a region learns who else works on the same question.
 *
 * @param sharedThemes the themes both projects have
 * @param score        how alike they are (higher is closer; for ordering only)
 */
public record SimilarProject(long id, String slug, String title, String summary, String leadOrganisationName,
                             List<String> sharedThemes, double score) implements Serializable {

    public String path() {
        return id + "-" + slug;
    }

    // JavaBeans getters for Facelets expressions
    public long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public String getPath() {
        return path();
    }

    public String getLeadOrganisationName() {
        return leadOrganisationName;
    }

    public List<String> getSharedThemes() {
        return sharedThemes;
    }
}
