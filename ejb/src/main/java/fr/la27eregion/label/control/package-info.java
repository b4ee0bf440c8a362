/**
 * The rules of labels that several boundaries share: the certificate's number (gapless per year), the
 * verification code (unguessable, typable from paper) and the certificate as a PDF with the QR code of its
 * verification page.
 */
package fr.la27eregion.label.control;
