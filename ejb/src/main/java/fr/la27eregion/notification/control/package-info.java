/** Writing notifications and mail in the transaction, sending mail after it. */
package fr.la27eregion.notification.control;
