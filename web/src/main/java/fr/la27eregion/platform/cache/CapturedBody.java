package fr.la27eregion.platform.cache;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * A response whose body goes where the wrapper says ({@link #open}) instead of to the reader: through its stream or
 * its writer, one or the other as the Servlet specification says, the writer in the response's character encoding.
 * {@link Capture} keeps the body in memory, {@link FileCapture} in a file.
 */
abstract class CapturedBody extends HttpServletResponseWrapper {

    private ServletOutputStream stream;
    private PrintWriter writer;

    CapturedBody(HttpServletResponse response) {
        super(response);
    }

    /** The stream that receives the body, opened once. */
    abstract ServletOutputStream open();

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() was called");
        }
        if (stream == null) {
            stream = open();
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            if (stream != null) {
                throw new IllegalStateException("getOutputStream() was called");
            }
            stream = open();
            writer = new PrintWriter(new OutputStreamWriter(stream, Charset.forName(getCharacterEncoding())));
        }
        return writer;
    }

    /** Passes what the writer holds, if the body was written through one, on to the stream. */
    void flushWriter() {
        if (writer != null) {
            writer.flush();
        }
    }
}
