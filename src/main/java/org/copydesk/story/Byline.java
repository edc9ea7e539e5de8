package org.copydesk.story;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.copydesk.people.AuthorProfile;

/** One contributor on a story, with an optional role line ("Additional reporting by"). */
@Embeddable
public class Byline {

    public static final int ROLE_MAX = 120;

    @ManyToOne(optional = false)
    @JoinColumn(name = "author_id")
    public AuthorProfile author;

    @Column(name = "role_line")
    public String roleLine;

    /**
     * Whether this byline says in what capacity its author took part ("Additional reporting by"): a contributor, not
     * a writer. (Not "hasRoleLine": Qute would take it for the {@code roleLine} property.)
     */
    public boolean isContributor() {
        return roleLine != null && !roleLine.isBlank();
    }

    public Byline() {
    }

    public Byline(AuthorProfile author, String roleLine) {
        this.author = author;
        this.roleLine = roleLine;
    }
}
