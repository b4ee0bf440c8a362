/**
 * Demo records for {@code ops/run} and demonstrations, added at start when {@code platform.demo-data=true}
 * (never the default, never in production), idempotently: a restart adds nothing twice.
 */
package fr.la27eregion.platform.demo;
