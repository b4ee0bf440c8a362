/**
 * Scheduled jobs that run once per due day however many instances run (DESIGN §5): the EJB timer fires on every
 * instance, and the instance that claims the day's row in {@code job_run} runs the job.
 */
package fr.la27eregion.platform.schedule;
