package fr.la27eregion.platform.web;

import fr.la27eregion.platform.rules.RecordNotFound;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletResponse;

import java.io.Serializable;

/**
 * A page of one record named by its address ({@code ?id=N}, bound by {@code f:viewParam} to {@link #getRequestedId}):
 * the page's view action calls {@link #load()}, which reads the record once per view. An id that is not a number, an
 * unknown record and one out of the caller's reach are the same "not found" (a 404 and the page's own text), so the
 * page never tells which records exist. A page that only some roles open says so in {@link #mayRead()}, which sets
 * the refusal itself.
 */
public abstract class RecordPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private String requestedId;
    private boolean notFound;

    /** Reads the record of the address, once per view. */
    public void load() {
        if (isFound() || notFound || !mayRead()) {
            return;
        }
        try {
            read(Long.parseLong(String.valueOf(requestedId).strip()));
        } catch (NumberFormatException | RecordNotFound unknown) {
            notFound = true;
            FacesContext.getCurrentInstance().getExternalContext()
                    .setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** Whether the caller opens this page at all (when not, the page has set its refusal); everyone by default. */
    protected boolean mayRead() {
        return true;
    }

    /**
     * Reads the record and sets up what the page shows of it.
     *
     * @throws RecordNotFound no such record, or not one the caller reaches
     */
    protected abstract void read(long id);

    /** Whether the record was read (the page shows it). */
    public abstract boolean isFound();

    public String getRequestedId() {
        return requestedId;
    }

    public void setRequestedId(String requestedId) {
        this.requestedId = requestedId;
    }

    public boolean isNotFound() {
        return notFound;
    }
}
