package org.copydesk.site;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Newsroom-wide settings (one row): the site's name, its logo, its languages and the house dateline style. */
@Entity
@Table(name = "site_settings")
public class SiteSettings extends PanacheEntityBase {

    @Id
    public Integer id;

    @Column(name = "site_name")
    public String siteName;

    /** The credit in datelines, e.g. "Copydesk" in "MOSCOW, Nov 11 (Copydesk) –". */
    @Column(name = "agency_credit")
    public String agencyCredit;

    /** java.time pattern for the dateline's date, e.g. "MMM d". */
    @Column(name = "dateline_format")
    public String datelineFormat;

    /** The languages the newsroom writes in, BCP 47 tags separated by spaces; the first is the site's own. */
    public String languages;

    /** The logo uploaded in Settings, or null: the masthead is then the site's name. */
    @jakarta.persistence.ManyToOne(fetch = jakarta.persistence.FetchType.LAZY)
    @jakarta.persistence.JoinColumn(name = "logo_image_id")
    public org.copydesk.media.Image logo;

    /** Whether feeds carry each story's full text (content) besides its standfirst (summary): for partners (V30). */
    @Column(name = "feed_full_text")
    public boolean feedFullText;

    public static SiteSettings current() {
        return findById(1);
    }
}
