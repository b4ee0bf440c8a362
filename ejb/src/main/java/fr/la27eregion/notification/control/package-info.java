/**
 * Writing notifications and mail in the transaction ({@code Notifications}); the mail server from configuration
 * ({@code MailServer}) and one attempt to send one mail in a short transaction of its own ({@code MailAttempts}).
 */
package fr.la27eregion.notification.control;
