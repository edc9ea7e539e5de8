package org.copydesk.people;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The account table stores one role (REPORTER, EDITOR or ADMIN). Here the identity gets the
 * lower-case security role of that rank and of every rank below it, so {@code @RolesAllowed("reporter")}
 * admits editors and admins too.
 */
@ApplicationScoped
public class ImpliedRolesAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
        for (String stored : identity.getRoles()) {
            Role role = Role.parse(stored);
            if (role != null) {
                builder.addRoles(new java.util.HashSet<>(role.grantedSecurityRoles()));
            }
        }
        return Uni.createFrom().item(builder.build());
    }
}
