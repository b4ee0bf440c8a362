package fr.la27eregion.platform.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/** The public and intranet REST API, version 1. Its description is served at {@code /openapi}. */
@ApplicationPath("api/v1")
@OpenAPIDefinition(info = @Info(
        title = "La 27e Région — API de la plateforme du réseau",
        version = "1",
        description = "Open data and workflows of the 27e Région network. Errors are RFC 9457 problem details "
                + "(application/problem+json).",
        contact = @Contact(name = "La 27e Région"),
        license = @License(name = "Licence Ouverte / Open Licence 2.0",
                url = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/")))
public class RestApi extends Application {
}
