package fr.la27eregion.opendata.web;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import fr.la27eregion.content.boundary.PublishedContent;
import fr.la27eregion.content.entity.ContentItem;
import fr.la27eregion.content.entity.ContentKind;
import fr.la27eregion.opendata.boundary.NewsItem;
import fr.la27eregion.opendata.boundary.OpenData;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The Atom feed of the public side's news: the secretariat's published news items (each linked to its page,
 * {@code /public/actualite.xhtml?id=...}), labels newly awarded and projects newly made public, the latest first,
 * {@value #ITEMS} news items and {@value #ITEMS} labels and projects at most. {@code /feeds/news.atom} in French,
 * {@code ?lang=en} in English. Written by Rome from the current data, once per data version
 * ({@code platform.cache.PublicFiles} keeps it); {@code Last-Modified} is the latest item's change. No HTTP session.
 */
@WebServlet(urlPatterns = "/feeds/news.atom")
public class NewsFeedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int ITEMS = 30;

    @Inject
    private transient OpenData openData;

    @Inject
    private transient PublishedContent published;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = OpenDataTexts.language(request.getParameter("lang"));
        String site = OpenDataServlet.site(request);
        List<NewsItem> items = openData.news(ITEMS);
        List<ContentItem> news = published.latest(ContentKind.NEWS, ITEMS);
        Instant updated = Stream.concat(items.stream().map(NewsItem::updated), news.stream().map(ContentItem::updatedAt))
                .max(Instant::compareTo).orElse(Instant.EPOCH);
        if (OpenDataServlet.fresh(request, response, updated)) {
            return;
        }
        String self = site + "/feeds/news.atom" + ("en".equals(locale.getLanguage()) ? "?lang=en" : "");
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setUri(self);
        feed.setTitle(OpenDataTexts.text("feed.title", locale));
        feed.setDescription(OpenDataTexts.text("feed.subtitle", locale));
        feed.setLanguage(locale.getLanguage());
        feed.setCopyright(OpenDataTexts.licence(locale));
        feed.setAuthor(OpenDataTexts.publisher(locale));
        feed.setPublishedDate(Date.from(updated));
        feed.setLinks(List.of(link("self", self, "application/atom+xml"),
                link("alternate", site + "/?lang=" + locale.getLanguage(), "text/html")));
        List<SyndEntry> entries = new ArrayList<>();
        for (NewsItem item : items) {
            entries.add(entry(item, site, locale));
        }
        for (ContentItem item : news) {
            entries.add(entry(item, site, locale));
        }
        entries.sort(Comparator.comparing(SyndEntry::getPublishedDate).reversed());
        feed.setEntries(entries);
        response.setContentType("application/atom+xml");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try {
            new SyndFeedOutput().output(feed, response.getWriter());
        } catch (FeedException failed) {
            throw new IOException("The news feed could not be written", failed);
        }
    }

    private static SyndEntry entry(NewsItem item, String site, Locale locale) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri("tag:la27eregion.fr,2026:" + item.key());
        boolean label = item.kind() == NewsItem.Kind.LABEL;
        String programme = "en".equals(locale.getLanguage()) ? item.programmeEn() : item.programmeFr();
        entry.setTitle(label ? MessageFormat.format(OpenDataTexts.text("feed.label.title", locale), programme,
                item.title()) : MessageFormat.format(OpenDataTexts.text("feed.project.title", locale), item.title()));
        String page = item.path() != null ? site + item.path() + "?lang=" + locale.getLanguage()
                : site + "/public/labels.xhtml?lang=" + locale.getLanguage();
        entry.setLink(page);
        entry.setAuthor(item.organisation());
        entry.setPublishedDate(Date.from(item.published()));
        entry.setUpdatedDate(Date.from(item.updated()));
        SyndContent summary = new SyndContentImpl();
        summary.setType("text/plain");
        summary.setValue(label ? MessageFormat.format(OpenDataTexts.text("feed.label.summary", locale),
                item.organisation(), item.summary()) : item.summary());
        entry.setDescription(summary);
        return entry;
    }

    /** A news item of the secretariat: its title and summary in the reader's language, a link to its page. */
    private static SyndEntry entry(ContentItem item, String site, Locale locale) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri("tag:la27eregion.fr,2026:news:" + item.key());
        entry.setTitle(MessageFormat.format(OpenDataTexts.text("feed.news.title", locale), item.title(locale)));
        entry.setLink(site + "/public/actualite.xhtml?id=" + URLEncoder.encode(item.key(), StandardCharsets.UTF_8)
                + "&lang=" + locale.getLanguage());
        entry.setAuthor(OpenDataTexts.publisher(locale));
        entry.setPublishedDate(Date.from(item.publishedAt()));
        entry.setUpdatedDate(Date.from(item.updatedAt()));
        SyndContent summary = new SyndContentImpl();
        summary.setType("text/plain");
        summary.setValue(item.summary(locale) == null ? "" : item.summary(locale));
        entry.setDescription(summary);
        return entry;
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }
}
