package fr.la27eregion.label.web;

import fr.la27eregion.label.boundary.Labels;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.HashMap;
import java.util.Map;

/**
 * The label an application earned, for the link from the application's page to the label's
 * ({@code app/labels/application.xhtml}): looked up once per request and application, in the caller's scope.
 */
@Named
@RequestScoped
public class ApplicationLabel {

    @Inject
    private Labels labels;

    private final Map<Long, Long> found = new HashMap<>();

    /** The id of the application's label, or null when it has none (or the caller does not read it). */
    public Long of(long applicationId) {
        return found.computeIfAbsent(applicationId, id -> labels.ofApplication(id).orElse(null));
    }
}
