package fr.la27eregion.label.api;

import fr.la27eregion.label.boundary.ApplicationDocuments;
import fr.la27eregion.platform.api.Problem;
import fr.la27eregion.platform.api.ContentDisposition;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;

/**
 * A label application as a PDF, for its readers, each as they may read it: the {@link ApplicationDocuments}
 * boundary decides (a reviewer of a blind programme gets it without the applicant, its people and the partners).
 * The page of an application and the reviewer's page link here; the browser's session opens it like the API's
 * credentials do.
 */
@ApplicationScoped
@Path("label-applications/{id}/pdf")
@Tag(name = "Labels")
public class ApplicationPdfResource {

    static final String PDF = "application/pdf";

    @EJB
    private ApplicationDocuments documents;

    @GET
    @Produces(PDF)
    @Operation(summary = "A label application as PDF", description = "Campaign, programme, project, the answer "
            + "to each criterion (its label and guidance), the attachments' names, and the applicant organisation, "
            + "its people and the project's partners, except for a reviewer of a blind programme. Tagged PDF, in "
            + "French unless lang=en. For the applicant's people, the secretariat, auditors, the application's "
            + "reviewers and its campaign's jury chair once reviewed.")
    @APIResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = PDF,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    format = "binary")))
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The caller's roles read no label application",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such application, or not one the caller may read",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response pdf(@Parameter(description = "The application's id", required = true) @PathParam("id") long id,
                        @Parameter(description = "fr (the default) or en") @QueryParam("lang") String lang) {
        Locale locale = "en".equalsIgnoreCase(lang) ? Locale.ENGLISH : Locale.FRENCH;
        byte[] pdf = documents.pdf(id, locale);
        return Response.ok(pdf, PDF)
                .header(HttpHeaders.CONTENT_LENGTH, pdf.length)
                .header("Content-Disposition", ContentDisposition.attachment(
                        ("en".equals(locale.getLanguage()) ? "application-" : "candidature-") + id + ".pdf"))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .build();
    }
}
