package fr.la27eregion.label.control;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a label's certificate says, as the award recorded it: the caller reads the label and its application and
 * passes the names in the language they are printed in (the programme's French or English name).
 *
 * @param certificateNumber {@code L27-YYYY-NNNN} ({@link CertificateNumbers})
 * @param verificationUrl   the public verification page of the label's code, printed and encoded in the QR code
 * @param level             the level awarded, or null when the programme has no levels
 * @param mentions          the special mentions granted, possibly none
 */
public record CertificateContent(String certificateNumber, String verificationUrl, String organisationName,
                                 String projectTitle, String programmeName, Integer level, List<String> mentions,
                                 LocalDate awardedOn, LocalDate validUntil) {

    public CertificateContent {
        Objects.requireNonNull(certificateNumber, "certificateNumber");
        Objects.requireNonNull(verificationUrl, "verificationUrl");
        Objects.requireNonNull(organisationName, "organisationName");
        Objects.requireNonNull(projectTitle, "projectTitle");
        Objects.requireNonNull(programmeName, "programmeName");
        Objects.requireNonNull(awardedOn, "awardedOn");
        Objects.requireNonNull(validUntil, "validUntil");
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }
}
