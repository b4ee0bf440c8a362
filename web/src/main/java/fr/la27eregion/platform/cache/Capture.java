package fr.la27eregion.platform.cache;

import fr.la27eregion.platform.web.Language;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A response kept in memory while it is rendered, with the headers it set, so that {@link PublicResponses} can add
 * its validators once it knows the answer may be kept, then send it. An answer larger than its limit (a file
 * download) is "spilled": what was kept is sent, and the rest streams through as it comes, kept nowhere.
 */
final class Capture extends CapturedBody {

    private final int limit;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private boolean spilled;
    private boolean otherCookie;

    Capture(HttpServletResponse response, int limit) {
        super(response);
        this.limit = limit;
    }

    @Override
    ServletOutputStream open() {
        return new Kept();
    }

    @Override
    public void flushBuffer() throws IOException {
        flushWriter();
        if (spilled) {
            super.flushBuffer();
        }
    }

    @Override
    public boolean isCommitted() {
        return spilled || super.isCommitted();
    }

    @Override
    public void resetBuffer() {
        buffer.reset();
        super.resetBuffer();
    }

    @Override
    public void reset() {
        buffer.reset();
        headers.clear();
        super.reset();
    }

    @Override
    public void setHeader(String name, String value) {
        headers.removeIf(header -> header.getKey().equalsIgnoreCase(name));
        record(name, value);
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        record(name, value);
        super.addHeader(name, value);
    }

    @Override
    public void addCookie(Cookie cookie) {
        if (!Language.COOKIE.equals(cookie.getName())) {
            otherCookie = true;
        }
        super.addCookie(cookie);
    }

    private void record(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("set-cookie") && !value.startsWith(Language.COOKIE + "=")) {
            otherCookie = true;
        }
        headers.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
    }

    boolean spilled() {
        return spilled;
    }

    boolean setOtherCookie() {
        return otherCookie;
    }

    /** Whether the resource gave its own validator (its own ETag or date), which the cache then leaves alone. */
    boolean hasOwnValidator() {
        return headers.stream().anyMatch(h -> h.getKey().equalsIgnoreCase("ETag")
                || h.getKey().equalsIgnoreCase("Last-Modified"));
    }

    /** The headers worth replaying with a kept copy (not those of its own request). */
    List<Map.Entry<String, String>> headers() {
        return headers.stream()
                .filter(h -> !PublicResponses.OWN_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))).toList();
    }

    byte[] body() {
        flushWriter();
        return buffer.toByteArray();
    }

    /** Sends what was kept (nothing more is kept after this). */
    void finish() throws IOException {
        flushWriter();
        if (!spilled && buffer.size() > 0) {
            spilled = true;
            getResponse().getOutputStream().write(buffer.toByteArray());
        }
        spilled = true;
    }

    private void spill() throws IOException {
        spilled = true;
        getResponse().getOutputStream().write(buffer.toByteArray());
        buffer.reset();
    }

    /** The body, in memory until the limit, then straight to the client. */
    private final class Kept extends ServletOutputStream {

        @Override
        public void write(int b) throws IOException {
            if (!spilled && buffer.size() + 1 > limit) {
                spill();
            }
            if (spilled) {
                getResponse().getOutputStream().write(b);
            } else {
                buffer.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (!spilled && buffer.size() + length > limit) {
                spill();
            }
            if (spilled) {
                getResponse().getOutputStream().write(bytes, offset, length);
            } else {
                buffer.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            if (spilled) {
                getResponse().getOutputStream().flush();
            }
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("The public answers are written blocking");
        }
    }
}
