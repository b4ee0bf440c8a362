package fr.la27eregion.opendata.boundary;

import java.time.Instant;

/**
 * An item of the news feed: a label awarded or a project made public.
 *
 * @param key       stable for the item ({@code label:L27-2026-0042}, {@code project:42}), the feed entry's id
 * @param title     the project's title
 * @param summary   the project's summary (a project) or its programme's code (a label)
 * @param path      its page on this site, or null (a label of a project that is not public)
 * @param published when it became news: the label's award, the project's publication
 * @param updated   its last change seen by the feed
 */
public record NewsItem(Kind kind, String key, String title, String summary, String organisation, String path,
                       String programmeFr, String programmeEn, Instant published, Instant updated) {

    public enum Kind { LABEL, PROJECT }
}
