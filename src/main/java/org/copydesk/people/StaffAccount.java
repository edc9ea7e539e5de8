package org.copydesk.people;

import java.time.Instant;
import java.util.Optional;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A member of staff who signs in to the desk. Every account has an author profile of its own. */
@Entity
@Table(name = "staff_account")
@UserDefinition
public class StaffAccount extends PanacheEntity {

    @Username
    public String username;

    /** bcrypt hash, checked by quarkus-security-jpa. */
    @Password
    @Column(name = "password_hash")
    public String passwordHash;

    /** The stored role; the implied lower roles are added at sign-in by {@link ImpliedRolesAugmentor}. */
    @Roles
    @Column(name = "role")
    public String securityRole;

    @Column(name = "display_name")
    public String displayName;

    public boolean enabled = true;

    /** Where notifications chosen by e-mail go (notification); optional, one account per address. */
    public String email;

    /** Part of every session cookie; raised to end all of this account's sessions at once. */
    @Column(name = "session_generation")
    public int sessionGeneration;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    public Role role() {
        return Role.parse(securityRole);
    }

    public void setRole(Role role) {
        this.securityRole = role.name();
    }

    public void setPassword(String plainPassword, int cost) {
        this.passwordHash = BcryptUtil.bcryptHash(plainPassword, cost);
    }

    public static Optional<StaffAccount> findByUsername(String username) {
        return find("lower(username) = lower(?1)", username).firstResultOptional();
    }
}
