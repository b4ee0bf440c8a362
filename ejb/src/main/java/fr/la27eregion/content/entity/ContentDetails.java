package fr.la27eregion.content.entity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What the secretariat's form (or the API) gives of a content item: its kind and key (at creation only: an address
 * once public stays), both languages' title, summary and text, and the projects it points to. Checked by
 * {@link ContentItem}, the rich texts sanitised by the boundary.
 */
public class ContentDetails implements Serializable {

    private static final long serialVersionUID = 1L;

    private ContentKind kind;
    private String key;
    private String titleFr;
    private String titleEn;
    private String summaryFr;
    private String summaryEn;
    private String bodyFr;
    private String bodyEn;
    private List<Long> projectIds = new ArrayList<>();

    /** The details of an item as it is, to edit it. */
    public static ContentDetails of(ContentItem item) {
        ContentDetails details = new ContentDetails();
        details.kind = item.kind();
        details.key = item.key();
        details.titleFr = item.titleFr();
        details.titleEn = item.titleEn();
        details.summaryFr = item.summaryFr();
        details.summaryEn = item.summaryEn();
        details.bodyFr = item.bodyFr();
        details.bodyEn = item.bodyEn();
        details.projectIds = new ArrayList<>(item.projectIds());
        return details;
    }

    public ContentKind getKind() {
        return kind;
    }

    public void setKind(ContentKind kind) {
        this.kind = kind;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getTitleFr() {
        return titleFr;
    }

    public void setTitleFr(String titleFr) {
        this.titleFr = titleFr;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public void setTitleEn(String titleEn) {
        this.titleEn = titleEn;
    }

    public String getSummaryFr() {
        return summaryFr;
    }

    public void setSummaryFr(String summaryFr) {
        this.summaryFr = summaryFr;
    }

    public String getSummaryEn() {
        return summaryEn;
    }

    public void setSummaryEn(String summaryEn) {
        this.summaryEn = summaryEn;
    }

    public String getBodyFr() {
        return bodyFr;
    }

    public void setBodyFr(String bodyFr) {
        this.bodyFr = bodyFr;
    }

    public String getBodyEn() {
        return bodyEn;
    }

    public void setBodyEn(String bodyEn) {
        this.bodyEn = bodyEn;
    }

    public List<Long> getProjectIds() {
        return projectIds;
    }

    public void setProjectIds(List<Long> projectIds) {
        this.projectIds = projectIds == null ? new ArrayList<>() : new ArrayList<>(projectIds);
    }
}
