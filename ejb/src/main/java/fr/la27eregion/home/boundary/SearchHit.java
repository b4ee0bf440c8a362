package fr.la27eregion.home.boundary;

import fr.la27eregion.project.control.Highlights;

import java.io.Serializable;

/**
 * A record found by the intranet's search box: its title and a short snippet with the matched words marked (between
 * {@link Highlights#START} and {@link Highlights#STOP}), its state and where it is read.
 *
 * @param id    the record's id
 * @param title its title (a project's title for a project, an application and a label; an organisation's name)
 * @param state the name of its state's constant (a membership's, a project's visibility, an application's, a
 *              label's), null for an organisation with no membership
 * @param stage a project's stage (null for the other kinds)
 * @param path  the address of its page in the intranet, from the application's root
 */
public record SearchHit(long id, String title, String snippet, String state, String stage, String path)
        implements Serializable, Highlights.Marked {

    // JavaBeans getters for Facelets expressions
    public String getTitleHtml() {
        return titleHtml();
    }

    public String getSnippetHtml() {
        return snippetHtml();
    }

    public String getState() {
        return state;
    }

    public String getStage() {
        return stage;
    }

    public String getPath() {
        return path;
    }
}
