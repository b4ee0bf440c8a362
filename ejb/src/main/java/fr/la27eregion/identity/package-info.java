/**
 * Who may do what: the accounts of the intranet and the API, their roles (DESIGN §2), the password policy,
 * lockout after repeated failed logins, and one-time password reset links. Authentication itself is Jakarta
 * Security's (the web module's mechanism and identity store call {@code boundary.Logins}).
 */
package fr.la27eregion.identity;
