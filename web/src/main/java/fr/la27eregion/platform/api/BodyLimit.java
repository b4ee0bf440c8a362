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
import java.io.InputStream;

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

    /**
     * How much more of a refused body is read and thrown away so that the client, still sending, gets the 413
     * instead of a connection reset (Tomcat's {@code maxSwallowSize} for the same reason); beyond it the
     * connection is simply closed.
     */
    static final long SWALLOW_BYTES = 2L * 1024 * 1024;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        String declared = context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.strip().matches("\\d{1,18}") && Long.parseLong(declared.strip()) > MAX_BYTES) {
            swallow(context.getInputStream());
            throw tooLarge();
        }
        // read at most one byte more than allowed: enough to know, never the whole of an endless stream
        byte[] body = context.getInputStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            swallow(context.getInputStream());
            throw tooLarge();
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static void swallow(InputStream in) {
        byte[] buffer = new byte[8192];
        long left = SWALLOW_BYTES;
        try {
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= n;
            }
        } catch (IOException gone) {
            // the client stopped sending: the 413 is all that is left to say
        }
    }

    private static ProblemException tooLarge() {
        return new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "Content too large",
                "A request body has at most " + MAX_BYTES / 1024 + " KiB.");
    }
}
