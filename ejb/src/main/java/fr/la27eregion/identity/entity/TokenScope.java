package fr.la27eregion.identity.entity;

/**
 * What a personal access token may do: {@code READ} only reads (GET, HEAD, OPTIONS), {@code READ_WRITE} also
 * changes records. Either way, never more than its account's roles allow.
 */
public enum TokenScope {
    READ,
    READ_WRITE;

    /** Whether a request of this HTTP method is allowed: a safe method for every token, any other for read-write. */
    public boolean allows(String httpMethod) {
        return this == READ_WRITE || isSafe(httpMethod);
    }

    /** The safe methods of RFC 9110 §9.2.1 that the API serves: they change nothing. */
    public static boolean isSafe(String httpMethod) {
        return "GET".equals(httpMethod) || "HEAD".equals(httpMethod) || "OPTIONS".equals(httpMethod);
    }
}
