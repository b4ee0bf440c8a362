/**
 * What the platform tells people after a decision: an entry in the organisation's in-app notification list and
 * an e-mail to its coordinators, both written in the transaction that decided (so a rolled-back decision tells
 * nobody) and the mail sent after commit, retried until it goes (so a failed mail never undoes a decision).
 */
package fr.la27eregion.notification;
