package fr.la27eregion.label.web;

import fr.la27eregion.label.boundary.LabelRegister;
import fr.la27eregion.label.entity.Campaign;
import fr.la27eregion.platform.cache.PublicResponses;
import fr.la27eregion.platform.time.Clocks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Backs {@code public/campagnes.xhtml}: the campaigns open now by the server's clock, with what their programme
 * asks (the criteria of the grid each campaign froze, in the reader's language). Read once per request.
 */
@Named
@RequestScoped
public class PublicCampaignsView {

    @Inject
    private LabelRegister register;

    private List<Campaign> campaigns;

    public List<Campaign> getCampaigns() {
        if (campaigns == null) {
            campaigns = register.openCampaigns();
            // open now by the clock, which moves without the data: rendered afresh for each reader
            PublicResponses.doNotKeep((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                    .getRequest());
        }
        return campaigns;
    }

    /** An instant as the date and time it is in France, where campaigns open and close. */
    public LocalDateTime inFrance(Instant instant) {
        return LocalDateTime.ofInstant(instant, Clocks.FRANCE);
    }
}
