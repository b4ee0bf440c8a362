package fr.la27eregion.label.web;

import fr.la27eregion.platform.web.RecordPage;

/**
 * A secretariat's page of one programme or campaign: another role is refused (403, {@link SecretariatOnly}), an
 * unknown id is not found; the record's id, version (its forms save as of the version shown) and code.
 */
abstract class SecretariatRecordPage extends RecordPage {

    private static final long serialVersionUID = 1L;

    private boolean allowed;
    private Long id;
    private int version;
    private String code;

    @Override
    protected boolean mayRead() {
        allowed = SecretariatOnly.check();
        return allowed;
    }

    /** Notes the record now shown. */
    protected void showing(long id, int version, String code) {
        this.id = id;
        this.version = version;
        this.code = code;
    }

    /** The version of the record shown, which its forms save as of. */
    protected int version() {
        return version;
    }

    public boolean isAllowed() {
        return allowed;
    }

    @Override
    public boolean isFound() {
        return id != null;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }
}
