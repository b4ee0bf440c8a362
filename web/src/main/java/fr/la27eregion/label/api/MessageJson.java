package fr.la27eregion.label.api;

import fr.la27eregion.label.entity.ApplicationAttachment;
import fr.la27eregion.label.entity.ApplicationMessage;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A message of an application's conversation, with its file if it has one. */
@Schema(name = "ApplicationMessage")
public record MessageJson(
        @Schema(readOnly = true) Long id,
        @Schema(readOnly = true, enumeration = {"SECRETARIAT", "APPLICANT"}) String authorSide,
        @Schema(required = true, maxLength = ApplicationMessage.MAX_BODY) String body,
        @Schema(readOnly = true) Instant sentAt,
        @Schema(readOnly = true, description = "The message's file (sent with it as multipart/form-data), none "
                + "for most") List<ApplicationFileJson> files) {

    static MessageJson of(ApplicationMessage message, List<ApplicationAttachment> files) {
        return new MessageJson(message.id(), message.authorSide().name(), message.body(), message.sentAt(),
                files.stream().map(ApplicationFileJson::of).toList());
    }
}
