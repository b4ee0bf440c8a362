package fr.la27eregion.home.web;

import fr.la27eregion.home.boundary.WaitingWork;
import fr.la27eregion.home.boundary.WaitingWork.MenuEntry;
import fr.la27eregion.home.boundary.WaitingWork.Section;
import fr.la27eregion.home.boundary.WaitingWork.Waiting;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.EnumMap;
import java.util.Map;

/**
 * The badges of the intranet's menu: how many things wait for the caller under each entry, and in all (the home's
 * entry). Read once per page view, when it is rendered (like {@link fr.la27eregion.notification.web.UnreadNotices}):
 * on the home page from the home itself, elsewhere from one statement of indexed counts.
 */
@Named
@RequestScoped
public class WaitingCounts {

    private static final String HOME_PAGE = "/app/index.xhtml";

    @Inject
    private WaitingWork waitingWork;

    @Inject
    private HomeView homeView;

    private Map<MenuEntry, Long> counts;

    /** How many things wait under the entry ({@code DESK}, {@code LABEL_DESK}, {@code LABELS}, ...). */
    public long of(String entry) {
        return counts().getOrDefault(MenuEntry.valueOf(entry), 0L);
    }

    /** How many things wait for the caller in all: the home's badge. */
    public long getTotal() {
        return counts().values().stream().mapToLong(Long::longValue).sum();
    }

    private Map<MenuEntry, Long> counts() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null || faces.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE
                || faces.getExternalContext().getUserPrincipal() == null) {
            return Map.of();
        }
        if (counts == null) {
            counts = HOME_PAGE.equals(faces.getViewRoot().getViewId()) ? fromHome() : waitingWork.counts();
        }
        return counts;
    }

    private Map<MenuEntry, Long> fromHome() {
        // a kind shared by two of the caller's roles is listed in both sections but counted once
        Map<WaitingWork.Kind, Long> byKind = new EnumMap<>(WaitingWork.Kind.class);
        for (Section section : homeView.getHome().sections()) {
            for (Waiting waiting : section.waiting()) {
                if (waiting.kind().action()) {
                    byKind.put(waiting.kind(), waiting.count());
                }
            }
        }
        Map<MenuEntry, Long> fromHome = new EnumMap<>(MenuEntry.class);
        byKind.forEach((kind, count) -> fromHome.merge(kind.menu(), count, Long::sum));
        return fromHome;
    }
}
