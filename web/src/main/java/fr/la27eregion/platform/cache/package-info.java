/**
 * The public side's answers to anonymous readers, fast and cacheable (issue 14): no HTTP session for them (the
 * public views are stateless, see {@code platform.web.LanguageViewHandler}); every public page and public API answer
 * carries an {@code ETag} made of the public data's version ({@link fr.la27eregion.platform.cache.PublicDataVersion},
 * the journal's head), the language and the address, so that {@code If-None-Match} gets a 304 and a proxy may keep
 * it; the application keeps the rendered answers ({@link fr.la27eregion.platform.cache.PublicResponses}) until the
 * data changes; and the public API is limited per client address
 * ({@link fr.la27eregion.platform.cache.PublicApiLimit}).
 */
package fr.la27eregion.platform.cache;
