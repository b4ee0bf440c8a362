package fr.la27eregion.label.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/** The label feature's configuration (README, configuration table). */
@ApplicationScoped
public class LabelSettings {

    @Inject
    @ConfigProperty(name = "labels.secretariat-email")
    private Optional<String> secretariatEmail;

    @Inject
    @ConfigProperty(name = "platform.base-url", defaultValue = "http://localhost:8080")
    private String baseUrl;

    /** Where the secretariat is told of an applicant's message; empty: told in no mail (the pages show it). */
    public Optional<String> secretariatEmail() {
        return secretariatEmail.filter(address -> !address.isBlank()).map(String::strip);
    }

    /** The intranet page of an application, for mails. */
    public String applicationPage(long applicationId) {
        return baseUrl.replaceAll("/+$", "") + "/app/labels/application.xhtml?id=" + applicationId;
    }
}
