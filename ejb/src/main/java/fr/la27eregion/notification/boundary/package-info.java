/** Reading and marking notifications; sending the outbox's mail (after commit, and retried by a timer). */
package fr.la27eregion.notification.boundary;
