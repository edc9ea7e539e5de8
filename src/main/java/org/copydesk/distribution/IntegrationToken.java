package org.copydesk.distribution;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.copydesk.people.StaffAccount;
import org.copydesk.story.Section;

/** A named token another system uses on the API (V31): only its hash is kept. */
@Entity
@Table(name = "integration_token")
public class IntegrationToken extends PanacheEntity {

    public static final int NAME_MAX = 80;

    public String name;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "token_prefix")
    public String tokenPrefix;

    /** Space-separated scope codes ({@link TokenScope#code()}). */
    public String scopes;

    /** Where the drafts it writes land when they name no section. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "section_id")
    public Section section;

    /** The account it acts through (StaffService#createIntegrationAccount). */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public StaffAccount account;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "created_by")
    public StaffAccount createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public List<TokenScope> scopeList() {
        return Arrays.stream(scopes.split(" ")).map(TokenScope::ofCode).flatMap(java.util.Optional::stream).toList();
    }

    public boolean allows(TokenScope scope) {
        return scopeList().contains(scope);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** What the desk's list says of its scopes: "Read drafts, Write drafts", or that it reads published stories only. */
    public String scopeLabels() {
        List<TokenScope> list = scopeList();
        return list.isEmpty() ? "Published stories only" : String.join(", ", list.stream().map(TokenScope::label).toList());
    }
}
