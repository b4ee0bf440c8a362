/** The auditor's workspace's pages: exports ({@code /app/audit/exports.xhtml}). */
package fr.la27eregion.audit.web;
