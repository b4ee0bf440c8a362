/** The secretariat's use cases on content ({@code Contents}) and the public's reads ({@code PublishedContent}). */
package fr.la27eregion.content.boundary;
