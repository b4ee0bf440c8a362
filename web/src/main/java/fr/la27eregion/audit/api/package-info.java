/** The auditor's workspace through the API: exports ({@code /api/v1/exports}). */
package fr.la27eregion.audit.api;
