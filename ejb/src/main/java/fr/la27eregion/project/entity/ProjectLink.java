package fr.la27eregion.project.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

/** A web page about a project (its site, a report, a video): an http(s) address and what it is. */
@Embeddable
public class ProjectLink implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int MAX_URL = 500;
    public static final int MAX_LABEL = 200;

    @Column(nullable = false, length = MAX_URL)
    private String url;

    @Column(length = MAX_LABEL)
    private String label;

    protected ProjectLink() {
        // for JPA
    }

    public ProjectLink(String url, String label) {
        this.url = Objects.requireNonNull(url, "url");
        this.label = label;
    }

    public String url() {
        return url;
    }

    public String label() {
        return label;
    }

    public String getUrl() {
        return url;
    }

    public String getLabel() {
        return label;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProjectLink that && url.equals(that.url) && Objects.equals(label, that.label);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, label);
    }
}
