package fr.la27eregion.project.entity;

import java.io.Serializable;

/** A web page about a project as a person types it: an http(s) address and, optionally, what it is. */
public class LinkDetails implements Serializable {

    private static final long serialVersionUID = 1L;

    private String url;
    private String label;

    public LinkDetails() {
    }

    public LinkDetails(String url, String label) {
        this.url = url;
        this.label = label;
    }

    /** The details of a link kept on a project, to edit them. */
    public static LinkDetails of(ProjectLink link) {
        return new LinkDetails(link.url(), link.label());
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }
}
