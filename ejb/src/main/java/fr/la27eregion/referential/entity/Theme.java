package fr.la27eregion.referential.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.Locale;

/** An innovation theme of the network, named in French and English, kept in the order the network lists them. */
@Entity
@Table(name = "theme")
@NamedQuery(name = Theme.ALL, query = "SELECT t FROM Theme t ORDER BY t.position")
public class Theme {

    public static final String ALL = "Theme.all";

    @Id
    @Column(length = 40)
    private String code;

    @Column(name = "name_fr", nullable = false, length = 200)
    private String nameFr;

    @Column(name = "name_en", nullable = false, length = 200)
    private String nameEn;

    @Column(nullable = false)
    private int position;

    @Version
    private int version;

    protected Theme() {
        // for JPA
    }

    public String code() {
        return code;
    }

    public String nameFr() {
        return nameFr;
    }

    public String nameEn() {
        return nameEn;
    }

    /** The name in the reader's language: English for English, French for everything else. */
    public String name(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? nameEn : nameFr;
    }
}
