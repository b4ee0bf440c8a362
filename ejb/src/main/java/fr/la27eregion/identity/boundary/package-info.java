/**
 * The use cases of identity: checking a login ({@code Logins}, open to the authentication mechanism) and
 * administering accounts ({@code Accounts}, network administrators only), each one transaction.
 */
package fr.la27eregion.identity.boundary;
