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

    @Inject
    @ConfigProperty(name = "labels.renewal-reminder-days", defaultValue = "60")
    private int renewalReminderDays;

    @Inject
    @ConfigProperty(name = "labels.closing-reminder-days", defaultValue = "7")
    private int closingReminderDays;

    @Inject
    @ConfigProperty(name = "labels.review-reminder-days", defaultValue = "3")
    private int reviewReminderDays;

    /** How many days before a label's validity ends its holder is reminded to apply for its renewal. */
    public int renewalReminderDays() {
        return Math.max(0, renewalReminderDays);
    }

    /** How many days before a campaign closes the organisations with drafts in it are reminded to send them. */
    public int closingReminderDays() {
        return Math.max(0, closingReminderDays);
    }

    /** How many days before an assessment is due its reviewer is reminded (once; again once it is overdue). */
    public int reviewReminderDays() {
        return Math.max(0, reviewReminderDays);
    }

    /** Where the secretariat is told of an applicant's message; empty: told in no mail (the pages show it). */
    public Optional<String> secretariatEmail() {
        return secretariatEmail.filter(address -> !address.isBlank()).map(String::strip);
    }

    /** The intranet page of an application, for mails. */
    public String applicationPage(long applicationId) {
        return base() + "/app/labels/application.xhtml?id=" + applicationId;
    }

    /** The intranet page of a label, for mails. */
    public String labelPage(long labelId) {
        return base() + "/app/labels/label.xhtml?id=" + labelId;
    }

    /** The intranet page of a campaign's jury (its ranking and decisions), for mails. */
    public String juryPage(long campaignId) {
        return base() + "/app/labels/jury.xhtml?campaign=" + campaignId;
    }

    /**
     * The public address where anyone verifies a label by its code: printed on the certificate and in its QR code,
     * so it never changes ({@code /public/labels/verifier/{code}}, the public side's page).
     */
    public String verificationPage(String verificationCode) {
        return base() + VERIFICATION_PATH + verificationCode;
    }

    /** The path of the public verification address, before the code. */
    public static final String VERIFICATION_PATH = "/public/labels/verifier/";

    private String base() {
        return baseUrl.replaceAll("/+$", "");
    }
}
