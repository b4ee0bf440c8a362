package fr.la27eregion.platform.cache;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A response generated for {@link PublicFiles}: its body goes to a file (never to the reader, never held in memory),
 * its status, type and headers are recorded, so that the copy can be sent to this reader and the next ones alike.
 * Nothing reaches the real response until {@link #applyTo} is called.
 */
final class FileCapture extends CapturedBody {

    private final OutputStream sink;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private int status = SC_OK;
    private String contentType;
    private String characterEncoding = "UTF-8";
    private long lastModified = -1;

    FileCapture(HttpServletResponse response, OutputStream sink) {
        super(response);
        this.sink = sink;
    }

    @Override
    ServletOutputStream open() {
        return new ToFile();
    }

    /** Flushes what the writer holds into the file. */
    void close() throws IOException {
        flushWriter();
        sink.flush();
    }

    @Override
    public void flushBuffer() throws IOException {
        flushWriter();
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    @Override
    public void resetBuffer() {
        throw new IllegalStateException("A generated public file cannot be reset");
    }

    @Override
    public void reset() {
        resetBuffer();
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
    }

    @Override
    public void sendError(int sc) {
        status = sc;
    }

    @Override
    public void sendError(int sc, String msg) {
        status = sc;
    }

    @Override
    public int getStatus() {
        return status;
    }

    int status() {
        return status;
    }

    @Override
    public void setContentType(String type) {
        contentType = type;
        int charset = type == null ? -1 : type.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (charset >= 0) {
            characterEncoding = type.substring(charset + "charset=".length()).strip();
        }
    }

    @Override
    public String getContentType() {
        if (contentType == null) {
            return null;
        }
        return contentType.toLowerCase(Locale.ROOT).contains("charset=") ? contentType
                : contentType + ";charset=" + characterEncoding;
    }

    @Override
    public void setCharacterEncoding(String charset) {
        characterEncoding = charset;
    }

    @Override
    public String getCharacterEncoding() {
        return characterEncoding;
    }

    @Override
    public void setContentLength(int len) {
        // the copy's length is known once it is written
    }

    @Override
    public void setContentLengthLong(long len) {
        // the copy's length is known once it is written
    }

    @Override
    public void setHeader(String name, String value) {
        headers.removeIf(header -> header.getKey().equalsIgnoreCase(name));
        addHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        if ("content-type".equalsIgnoreCase(name)) {
            setContentType(value);
            return;
        }
        headers.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
    }

    @Override
    public void setDateHeader(String name, long date) {
        if ("last-modified".equalsIgnoreCase(name)) {
            lastModified = date;
            return;
        }
        setHeader(name, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.Instant.ofEpochMilli(date).atZone(java.time.ZoneOffset.UTC)));
    }

    @Override
    public void addDateHeader(String name, long date) {
        setDateHeader(name, date);
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, Integer.toString(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        addHeader(name, Integer.toString(value));
    }

    @Override
    public boolean containsHeader(String name) {
        return headers.stream().anyMatch(header -> header.getKey().equalsIgnoreCase(name));
    }

    /** The headers the file was generated with, but its date (kept apart) and its type. */
    List<Map.Entry<String, String>> recorded() {
        return List.copyOf(headers);
    }

    /** Its {@code Last-Modified}, in milliseconds since the epoch; -1 when it gave none. */
    long lastModified() {
        return lastModified;
    }

    /** Sets the recorded type and headers on the real response (an answer that is not kept). */
    void applyTo(HttpServletResponse response) {
        if (getContentType() != null) {
            response.setContentType(getContentType());
        }
        headers.forEach(header -> response.addHeader(header.getKey(), header.getValue()));
        if (lastModified >= 0) {
            response.setDateHeader("Last-Modified", lastModified);
        }
    }

    /** The body, straight into the file. */
    private final class ToFile extends ServletOutputStream {

        @Override
        public void write(int b) throws IOException {
            sink.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            sink.write(bytes, offset, length);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("The public files are written blocking");
        }
    }
}
