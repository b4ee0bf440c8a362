package fr.la27eregion.platform.api;

import fr.la27eregion.platform.files.FileDownload;
import fr.la27eregion.platform.files.StoredFile;
import fr.la27eregion.platform.rules.RuleViolation;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Files through the API, the same way for every record that carries some (a project's, a label application's, a
 * message's): the part of a {@code multipart/form-data} upload, read by the servlet container (web.xml's
 * {@code multipart-config} of the API's servlet: parts over 1 MB spooled to disk, a body over its ceiling refused
 * before it is stored), never by the API's JSON body limit; and a download's response.
 *
 * <p>Refusals are problem details: 415 a body that is not multipart, 413 one over the container's ceiling, 400 one
 * that cannot be read, 422 no part of that name (field and rule named), as every refusal.
 */
public final class FileTransfers {

    /** The part of a multipart body that carries the file. */
    public static final String PART = "file";
    /** The largest multipart body the container takes: web.xml's max-request-size of the API's servlet (101 MB). */
    static final long MULTIPART_CEILING = 105_906_176L;

    private FileTransfers() {
    }

    /**
     * The part named {@value #PART} of a multipart body.
     *
     * @param missingRule the rule's key when there is no such part ({@code project.attachment.NAME})
     */
    public static Part part(HttpServletRequest request, String missingRule) {
        return optionalPart(request, PART).orElseThrow(() -> new RuleViolation(PART,
                missingRule, "The body has no part named '" + PART + "': send the file as multipart/form-data."));
    }

    /**
     * An upload to a record's files: the part named {@value #PART} handed to {@code attach} as its submitted name and
     * its bytes (the boundary checks, stores and journals it), its temporary file removed after; a 201 with the
     * stored file's description and its address (the collection's address and the file's id) at Location.
     *
     * @param missingRule the rule's key when there is no such part ({@code project.attachment.NAME})
     * @param json        the file's description as the API shows it
     */
    public static <F extends StoredFile> Response upload(HttpServletRequest request, UriInfo uri, String missingRule,
                                                         BiFunction<String, InputStream, F> attach,
                                                         Function<F, ?> json) {
        Part part = part(request, missingRule);
        try (InputStream content = part.getInputStream()) {
            F attachment = attach.apply(part.getSubmittedFileName(), content);
            return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(attachment.id())).build())
                    .type(MediaType.APPLICATION_JSON_TYPE).entity(json.apply(attachment)).build();
        } catch (IOException unreadable) {
            throw ProblemException.badRequest(PART, "The file could not be read: " + unreadable.getMessage());
        } finally {
            delete(part);
        }
    }

    /**
     * The version of a file as the caller saw it, which a removal must name.
     *
     * @param requiredRule the rule's key when it is missing ({@code project.field.required})
     */
    public static int version(Integer version, String requiredRule) {
        return RequestBodies.version(version, requiredRule, "the file");
    }

    /** A part of a multipart body, if the body has one of that name. */
    public static Optional<Part> optionalPart(HttpServletRequest request, String name) {
        try {
            return Optional.ofNullable(request.getPart(name));
        } catch (IllegalStateException | ServletException | IOException unreadable) {
            if (!multipart(request)) {
                throw new ProblemException(Response.Status.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                        "Send the file as multipart/form-data, in a part named '" + PART + "'.", PART);
            }
            if (request.getContentLengthLong() > MULTIPART_CEILING || overCeiling(unreadable)) {
                throw new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "Content too large",
                        "The file is larger than the platform accepts.", PART);
            }
            throw ProblemException.badRequest(PART, "The multipart/form-data body could not be read.");
        }
    }

    /** Whether the request's body is {@code multipart/form-data}. */
    public static boolean multipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA);
    }

    /** A text part of a multipart body (UTF-8), if there is one. */
    public static Optional<String> text(HttpServletRequest request, String name) {
        Optional<Part> part = optionalPart(request, name);
        if (part.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = part.get().getInputStream()) {
            return Optional.of(new String(in.readNBytes(BodyLimit.MAX_BYTES + 1),
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            throw ProblemException.badRequest(name, "The part '" + name + "' could not be read.");
        }
    }

    /** Removes the container's temporary file of a part now rather than at the end of the request. */
    public static void delete(Part part) {
        try {
            part.delete();
        } catch (IOException ignored) {
            // the container removes its temporary files at the end of the request anyway
        }
    }

    /**
     * A file's bytes as a download: the stored type, {@code Content-Disposition: attachment} (the name in UTF-8,
     * RFC 6266), the length, {@code X-Content-Type-Options: nosniff}, {@code Cache-Control: private, no-cache} and
     * the SHA-256 as {@code ETag}; the bytes streamed, the stream closed after.
     */
    public static Response download(String fileName, String mediaType, long size, String sha256,
                                    InputStream content) {
        StreamingOutput body = out -> {
            try (InputStream in = content) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, mediaType)
                .header(HttpHeaders.CONTENT_LENGTH, size)
                .header("Content-Disposition", ContentDisposition.attachment(fileName))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                .tag(new EntityTag(sha256))
                .build();
    }

    /** A stored file's bytes as a download (see {@link #download(String, String, long, String, InputStream)}). */
    public static Response download(FileDownload<?> download) {
        StoredFile file = download.attachment();
        return download(file.fileName(), file.mediaType(), file.sizeBytes(), file.sha256(), download.content());
    }

    /** Whether the container refused the body for its multipart-config sizes (its exceptions differ by server). */
    private static boolean overCeiling(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String name = cause.getClass().getSimpleName();
            if (cause instanceof IllegalStateException || name.contains("SizeLimit") || name.contains("SizeException")
                    || String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("size")) {
                return true;
            }
        }
        return false;
    }
}
