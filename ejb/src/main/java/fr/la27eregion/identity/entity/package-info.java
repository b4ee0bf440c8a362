/**
 * The account and its rules: roles that need an organisation, the password policy, lockout. Rules live here so
 * that every path (administration page, API, demo data) applies them alike.
 */
package fr.la27eregion.identity.entity;
