/** The platform's time: one injectable {@link java.time.Clock}, so tests can move it. */
package fr.la27eregion.platform.time;
