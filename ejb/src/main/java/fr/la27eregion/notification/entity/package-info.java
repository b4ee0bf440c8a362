/** The notifications and the outbox of mail. */
package fr.la27eregion.notification.entity;
