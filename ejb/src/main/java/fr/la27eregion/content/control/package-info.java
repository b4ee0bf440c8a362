/** The content workflow's table and what the journal keeps of a content item. */
package fr.la27eregion.content.control;
