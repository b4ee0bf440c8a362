/** The journal in the REST API: verification of the chain, for auditors and the secretariat. */
package fr.la27eregion.journal.api;
