package fr.la27eregion.platform.database;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Stores an {@link Instant} in a {@code timestamp with time zone} column. Jakarta Persistence 3.1 (EclipseLink 4)
 * maps {@code OffsetDateTime} but not {@code Instant}; the domain speaks in instants, stored in UTC. Applied to
 * every {@code Instant} attribute of every entity.
 */
@Converter(autoApply = true)
public class UtcTimestamp implements AttributeConverter<Instant, OffsetDateTime> {

    @Override
    public OffsetDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(OffsetDateTime timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
