/**
 * Authentication with Jakarta Security, no home-made filter: one {@code HttpAuthenticationMechanism} (form login
 * for the intranet pages, HTTP Basic for the API), one {@code IdentityStore} backed by the accounts of the
 * database, logout, the session timeout, and the browser hardening headers of every response.
 */
package fr.la27eregion.identity.security;
