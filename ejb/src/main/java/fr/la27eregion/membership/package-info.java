/**
 * Network membership: organisations, their contacts, and the membership workflow (apply, review, approve,
 * activate, suspend, renew, lapse, terminate), each step on the journal.
 */
package fr.la27eregion.membership;
