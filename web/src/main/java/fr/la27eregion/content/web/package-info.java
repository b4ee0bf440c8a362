/**
 * The pages of the secretariat's content: its list and editor under {@code /app/content/}, and the public pages that
 * show what is published (home, themes, explainers, the accessibility statement). The public ones are request
 * scoped: an anonymous reader gets no session from them.
 */
package fr.la27eregion.content.web;
