/**
 * What search engines read of the public side: {@code /robots.txt}, {@code /sitemap.xml} (every public page in
 * French and in English, with its {@code hreflang} alternates, every public project's page and the register of each
 * label programme) and the addresses of a page in either language ({@link fr.la27eregion.platform.site.PageAddresses},
 * for the template's {@code <link rel="alternate" hreflang>}).
 */
package fr.la27eregion.platform.site;
