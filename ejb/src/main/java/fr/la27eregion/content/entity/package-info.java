/** Content items, their kinds, states and actions, and the details a form gives. */
package fr.la27eregion.content.entity;
