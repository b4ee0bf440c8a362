/** Organisations, contacts and memberships, and the value objects that guard their fields (SIRET). */
package fr.la27eregion.membership.entity;
