/** The auditor's journal browser ({@code app/audit/journal.xhtml}). */
package fr.la27eregion.journal.web;
