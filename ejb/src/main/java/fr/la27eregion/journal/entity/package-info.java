/** The journal entry as stored: immutable, written only through {@code journal.control.Journal}. */
package fr.la27eregion.journal.entity;
