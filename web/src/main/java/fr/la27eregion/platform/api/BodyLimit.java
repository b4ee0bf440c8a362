package fr.la27eregion.platform.api;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Refuses a request body larger than {@link #MAX_BYTES} with a 413 problem, before any JSON is parsed: a client
 * cannot make the server hold megabytes of input, declared ({@code Content-Length}) or streamed (chunked).
 *
 * <p>The largest honest body of the API is an application to join: an organisation and at most ten contacts, about
 * 8,500 characters at the longest fields, some 50 KiB even if every character came as a {@code \\u} escape. The
 * limit leaves room above that; a field's own length is the domain's rule (a 422 naming the field).
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class BodyLimit implements ReaderInterceptor {

    public static final int MAX_BYTES = 128 * 1024;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        String declared = context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.strip().matches("\\d{1,18}") && Long.parseLong(declared.strip()) > MAX_BYTES) {
            throw tooLarge();
        }
        // read at most one byte more than allowed: enough to know, never the whole of an endless stream
        byte[] body = context.getInputStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            throw tooLarge();
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static ProblemException tooLarge() {
        return new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "Content too large",
                "A request body has at most " + MAX_BYTES / 1024 + " KiB.");
    }
}
