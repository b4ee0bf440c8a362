/**
 * Content the secretariat edits for the public pages (issue 14): the home text, the themes' introductions, news
 * items, explainers of a method or a technology in plain words, and the editable parts of the accessibility
 * statement. French and English side by side, the rich texts sanitised as projects' are, and a draft / published
 * state journaled as a workflow.
 */
package fr.la27eregion.content;
