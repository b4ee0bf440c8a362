package fr.la27eregion.membership.control;

import fr.la27eregion.membership.entity.MembershipCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.util.Locale;

/** The membership settings of an installation (MicroProfile Config; defaults in microprofile-config.properties). */
@ApplicationScoped
public class MembershipSettings {

    @Inject
    @ConfigProperty(name = "membership.grace-days", defaultValue = "60")
    int graceDays;

    @Inject
    @ConfigProperty(name = "membership.reminder-days", defaultValue = "30")
    int reminderDays;

    @Inject
    @ConfigProperty(name = "platform.base-url", defaultValue = "http://localhost:8080")
    String baseUrl;

    @Inject
    Config config;

    /** Days after the end of its period before an unrenewed membership lapses. */
    public int graceDays() {
        return graceDays;
    }

    /** Days before the end of its period when the renewal reminder goes out. */
    public int reminderDays() {
        return reminderDays;
    }

    /** The yearly fee of a category ({@code membership.fee.full}...), in euros. */
    public BigDecimal fee(MembershipCategory category) {
        return config.getOptionalValue("membership.fee." + category.name().toLowerCase(Locale.ROOT), BigDecimal.class)
                .orElse(BigDecimal.ZERO);
    }

    /** The intranet page of an organisation, for links in mail. */
    public String organisationPage(long organisationId) {
        return baseUrl + "/app/membership/organisation.xhtml?id=" + organisationId;
    }
}
