/**
 * Browser tests in a real Chromium: the {@link fr.la27eregion.testing.browser.Browser} a test class registers, the
 * axe-core {@link fr.la27eregion.testing.browser.Accessibility} check run against the page it shows, and the parts
 * every public page shares ({@link fr.la27eregion.testing.browser.PublicPage}). Page objects of a feature live
 * beside that feature's tests and build on these.
 */
package fr.la27eregion.testing.browser;
