/** The intranet's home page ({@code app/index.xhtml}) and the badges of the intranet's menu. */
package fr.la27eregion.home.web;
