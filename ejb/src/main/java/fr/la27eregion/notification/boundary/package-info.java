/** Reading and marking notifications. */
package fr.la27eregion.notification.boundary;
