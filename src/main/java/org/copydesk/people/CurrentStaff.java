package org.copydesk.people;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The signed-in member of staff for this request; desk pages show it as {@code {inject:me...}}. */
@Named("me")
@RequestScoped
public class CurrentStaff {

    @Inject
    SecurityIdentity identity;

    private StaffAccount account;

    public StaffAccount account() {
        if (account == null && !identity.isAnonymous()) {
            account = StaffAccount.findByUsername(identity.getPrincipal().getName()).orElse(null);
        }
        return account;
    }

    public boolean signedIn() {
        return account() != null;
    }

    public boolean isEditor() {
        return signedIn() && account().role().atLeast(Role.EDITOR);
    }

    public boolean isAdmin() {
        return signedIn() && account().role() == Role.ADMIN;
    }

    public AuthorProfile authorProfile() {
        return signedIn() ? AuthorProfile.findByStaffAccount(account()).orElse(null) : null;
    }
}
