package fr.la27eregion.content.boundary;

import java.io.Serializable;

/** A public project as a theme page or the home page lists it: its address, title, summary and lead. */
public record ProjectCard(long id, String slug, String title, String summary, String organisationName)
        implements Serializable {

    public ProjectCard(Long id, String slug, String title, String summary, String organisationName) {
        this(id.longValue(), slug, title, summary, organisationName);
    }

    /** The readable part of its public address: {@code {id}-{slug}}. */
    public String getPath() {
        return id + "-" + slug;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public String getOrganisationName() {
        return organisationName;
    }
}
