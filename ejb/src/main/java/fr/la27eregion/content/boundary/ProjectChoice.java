package fr.la27eregion.content.boundary;

import java.io.Serializable;

/** A public project a content item may point to: its id and title. */
public record ProjectChoice(long id, String title) implements Serializable {

    public ProjectChoice(Long id, String title) {
        this(id.longValue(), title);
    }

    public long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }
}
