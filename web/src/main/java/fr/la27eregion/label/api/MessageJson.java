package fr.la27eregion.label.api;

import fr.la27eregion.label.entity.ApplicationMessage;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A message of an application's conversation. */
@Schema(name = "ApplicationMessage")
public record MessageJson(
        @Schema(readOnly = true) Long id,
        @Schema(readOnly = true, enumeration = {"SECRETARIAT", "APPLICANT"}) String authorSide,
        @Schema(required = true, maxLength = ApplicationMessage.MAX_BODY) String body,
        @Schema(readOnly = true) Instant sentAt) {

    static MessageJson of(ApplicationMessage message) {
        return new MessageJson(message.id(), message.authorSide().name(), message.body(), message.sentAt());
    }
}
