/**
 * Password hashing (Jakarta Security's PBKDF2), the settings of authentication read from MicroProfile Config, the
 * caller's scope, and the count of security events per client address and minute that keeps refused logins on
 * the record without letting a caller grow the journal at will.
 */
package fr.la27eregion.identity.control;
