package org.copydesk.search;

import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

/**
 * A read from the database that no reader waits for: done on a thread of its own, one at a time, and after
 * a failure not tried again for a while (a broken database is not asked at every search). A thread of its
 * own, not the request's executor: a task given to Quarkus's managed executor carries the request's
 * transaction with it, and a read done there broke the search that asked for it.
 */
final class BackgroundRead {

    /** The read itself. */
    interface Work {
        void run() throws SQLException;
    }

    /** After a read failed, how long before another is tried. */
    static final long RETRY_NANOS = 30_000_000_000L;
    private static final Logger LOG = Logger.getLogger(BackgroundRead.class);

    private final String failure;
    private final ExecutorService thread;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long nextTry = System.nanoTime();

    /**
     * @param threadName the thread's name
     * @param failure what is logged when a read fails, before the database's message
     */
    BackgroundRead(String threadName, String failure) {
        this.failure = failure;
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread made = new Thread(task, threadName);
            made.setDaemon(true);
            return made;
        });
    }

    /** Starts the work, unless it is running now or failed less than {@link #RETRY_NANOS} ago. */
    void start(Work work) {
        if (System.nanoTime() - nextTry < 0 || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            thread.execute(() -> {
                try {
                    work.run();
                } catch (SQLException | RuntimeException e) {
                    nextTry = System.nanoTime() + RETRY_NANOS;
                    LOG.warnf("%s: %s", failure, e.getMessage());
                } finally {
                    running.set(false);
                }
            });
        } catch (RuntimeException e) { // the executor refused (shutting down)
            running.set(false);
        }
    }

    void stop() {
        thread.shutdownNow();
    }
}
