package org.copydesk.people;

import java.util.Optional;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.copydesk.web.CopydeskConfig;
import org.jboss.logging.Logger;

/**
 * Creates the first admin from COPYDESK_ADMIN_USERNAME / COPYDESK_ADMIN_PASSWORD, only while the
 * database holds no account at all, so the variables can stay set without resetting anything later.
 */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

    @jakarta.inject.Inject
    CopydeskConfig config;

    @jakarta.inject.Inject
    StaffService staff;

    @Transactional
    void onStart(@Observes @jakarta.annotation.Priority(10) StartupEvent event) {
        if (StaffAccount.count() > 0) {
            return;
        }
        Optional<String> username = config.admin().username();
        Optional<String> password = config.admin().password();
        if (username.isEmpty() || password.isEmpty()) {
            LOG.warn("No staff account exists yet. Set COPYDESK_ADMIN_USERNAME and COPYDESK_ADMIN_PASSWORD "
                    + "to create the first admin at start-up.");
            return;
        }
        staff.createAccount(username.get(), password.get(), config.admin().displayName(), Role.ADMIN, null);
        LOG.infof("Created the first admin account '%s'", username.get());
    }
}
