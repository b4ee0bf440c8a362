package fr.la27eregion.label.web;

import fr.la27eregion.label.boundary.Juries;
import fr.la27eregion.label.boundary.JuryCampaign;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * Backs {@code app/labels/juries.xhtml}: the campaigns whose jury the caller chairs (every campaign for the
 * secretariat and auditors), the latest closing first, with where their applications stand and whether the chair
 * was told the campaign is ready; each opens its jury page.
 */
@Named
@ViewScoped
public class JuriesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Juries juries;

    private List<JuryCampaign> campaigns;

    @PostConstruct
    void init() {
        campaigns = juries.campaigns();
    }

    public List<JuryCampaign> getCampaigns() {
        return campaigns;
    }
}
