package org.copydesk.web;

import java.time.ZoneId;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The newsroom's time zone ({@link CopydeskConfig#timeZone()}): story URLs, datelines and times on screen use
 * it; the database stores UTC. Static, as templates and forms ask for it where nothing is injected; set from the
 * configuration first thing at start-up (before the start-up work that makes story URLs), UTC until then.
 */
@ApplicationScoped
public class Newsroom {

    private static volatile ZoneId zone = ZoneId.of("UTC");

    public static ZoneId zone() {
        return zone;
    }

    void configure(@Observes @Priority(0) StartupEvent event, CopydeskConfig config) {
        zone = config.timeZone();
    }
}
