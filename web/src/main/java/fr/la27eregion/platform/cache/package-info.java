/**
 * The public side's answers to anonymous readers, fast and cacheable (issue 14): no HTTP session for them (the
 * public views are stateless, see {@code platform.web.LanguageViewHandler}); every public page and public API answer
 * carries an {@code ETag} made of the public data's version ({@link fr.la27eregion.platform.cache.PublicDataVersion},
 * the journal's head), the language and the address, so that {@code If-None-Match} gets a 304 and a proxy may keep
 * it; the application keeps the rendered answers ({@link fr.la27eregion.platform.cache.PublicResponses}) until the
 * data changes; the open data files and the feeds are generated once per data version and served from that copy
 * ({@link fr.la27eregion.platform.cache.PublicFiles}); and the public API, the open data and the feeds are limited
 * per client address ({@link fr.la27eregion.platform.cache.PublicApiLimit}).
 */
package fr.la27eregion.platform.cache;
