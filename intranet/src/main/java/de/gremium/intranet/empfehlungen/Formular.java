package de.gremium.intranet.empfehlungen;

/**
 * A form of these pages: it carries the version of the view the page showed, so that after the command the page
 * waits until the view is newer (post/redirect/get shows what was done).
 */
public interface Formular {

    long getVersion();

    void setVersion(long version);
}
