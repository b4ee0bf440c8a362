/**
 * The REST API under {@code /api/v1}: its application class, and errors as RFC 9457
 * {@code application/problem+json}, never a stack trace.
 */
package fr.la27eregion.platform.api;
