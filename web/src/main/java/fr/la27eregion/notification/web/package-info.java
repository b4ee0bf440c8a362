/**
 * The in-app notifications of the intranet: an organisation's list ({@code app/notifications.xhtml}) and the
 * count of unread ones beside the menu link.
 */
package fr.la27eregion.notification.web;
