package org.copydesk.story;

import java.time.Clock;
import java.time.Instant;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

/**
 * Puts Scheduled stories live when their time comes. The job runs on Quartz's clustered JDBC store,
 * so with several app nodes on one database it fires on one node at a time; the row locks in
 * {@link StoryService#publishDue} make each story go live exactly once even so. Stories whose time
 * passed while the app was down go live at start-up.
 */
@ApplicationScoped
public class ScheduledPublisher {

    private static final Logger LOG = Logger.getLogger(ScheduledPublisher.class);

    @Inject
    StoryService stories;

    @Inject
    Clock clock;

    void onStart(@Observes @Priority(30) StartupEvent event) {
        publishDue();
    }

    /** The job; public so that a test runs it at the moment it chooses, with the clock where it wants it. */
    @Scheduled(identity = "publish-due-stories", every = "${copydesk.scheduler.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void publishDue() {
        int published = stories.publishDue(Instant.now(clock));
        if (published > 0) {
            LOG.infof("Published %d scheduled stor%s", published, published == 1 ? "y" : "ies");
        }
    }
}
