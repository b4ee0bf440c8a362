package fr.la27eregion.platform.web;

import jakarta.enterprise.inject.spi.CDI;

/**
 * A transient injected field of a view or session bean after the bean was restored from its serialized form: on
 * another instance of a cluster (the session replicated through the data grid, the instance that served it gone)
 * CDI does not inject it again, so it is null. The views keep as transient only what is not serializable (the
 * platform's {@code Clock}, Jakarta Security's {@code SecurityContext}) and look it up again through this; EJBs and
 * application-scoped beans are injected as serializable proxies and need nothing.
 */
public final class Reinjected {

    private Reinjected() {
    }

    /** {@code injected}, or the bean of {@code type} looked up now when the field was not injected again. */
    public static <T> T orLookUp(T injected, Class<T> type) {
        return injected != null ? injected : CDI.current().select(type).get();
    }
}
