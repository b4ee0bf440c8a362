/**
 * How a use case says no, the same way for every feature: {@link fr.la27eregion.platform.rules.RuleViolation}
 * (a rule of the domain or a wrong field: 422, or a message tied to the field), {@link
 * fr.la27eregion.platform.rules.AccessRefused} (the caller may not act on this record: 403), {@link
 * fr.la27eregion.platform.rules.RecordNotFound} (404) and {@link fr.la27eregion.platform.rules.StaleRecord}
 * (someone else changed the record since it was read: 409). Each rolls the transaction back, so nothing of a
 * refused use case is kept, and none is logged as a server failure.
 */
package fr.la27eregion.platform.rules;
