package org.copydesk.people;

import java.util.List;

/**
 * Staff roles, each including the rights of the one before it. Security roles are the lower-case
 * names; {@link ImpliedRolesAugmentor} gives an editor the reporter role too, and an admin both.
 */
public enum Role {
    REPORTER("Reporter"),
    EDITOR("Editor"),
    ADMIN("Admin");

    public static final String REPORTER_ROLE = "reporter";
    public static final String EDITOR_ROLE = "editor";
    public static final String ADMIN_ROLE = "admin";

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String securityRole() {
        return name().toLowerCase();
    }

    /** This role's security role and those of every role below it. */
    public List<String> grantedSecurityRoles() {
        return java.util.Arrays.stream(values())
                .filter(r -> r.ordinal() <= ordinal())
                .map(Role::securityRole)
                .toList();
    }

    public boolean atLeast(Role other) {
        return ordinal() >= other.ordinal();
    }

    public static Role parse(String value) {
        if (value == null) {
            return null;
        }
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(value.trim())) {
                return role;
            }
        }
        return null;
    }
}
