/** Password hashing (Jakarta Security's PBKDF2) and the settings of authentication, read from MicroProfile Config. */
package fr.la27eregion.identity.control;
