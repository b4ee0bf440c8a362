package fr.la27eregion.audit.control;

/** An export was asked for; it starts once the transaction that recorded it committed. */
public record ExportRequested(long id) {
}
