package fr.la27eregion.label.entity;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;

/**
 * What the secretariat's label records (a programme, a campaign) keep alike: a generated id, a code that never
 * changes once written, when they were created and last revised, and the {@code @Version} a revision is made as of.
 */
@MappedSuperclass
public abstract class CodedRecord implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The longest code (2 to 40 capitals, digits, - or _). */
    public static final int MAX_CODE = 40;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = MAX_CODE, updatable = false)
    private String code;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    /** Notes the code (stripped) and the creation of a new record. */
    protected void created(String code, Instant now) {
        this.code = code.strip();
        this.createdAt = now;
    }

    /** Notes a revision. */
    protected void revised(Instant now) {
        updatedAt = now;
    }

    /** A text in the reader's language: French unless English. */
    protected static String inLanguage(Locale locale, String french, String english) {
        return locale != null && "en".equals(locale.getLanguage()) ? english : french;
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public int version() {
        return version;
    }

    // JavaBeans getters for Facelets expressions
    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }
}
