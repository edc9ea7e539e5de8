package org.copydesk.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The threads that work through an outbox table (webhook deliveries, notification mail): each sends one row at a time
 * while there are rows to send; when there is none, it waits to be woken ({@link #wake}: a change on this node wrote
 * rows) or for its next look ({@code pollEvery}: another node did). A failure of one look is told to
 * {@code complain} and the thread goes on.
 */
public final class OutboxSenders {

    /** How long {@link #stop} gives a row being sent to finish. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private final String name;
    private final BooleanSupplier sendOne;
    private final Consumer<RuntimeException> complain;
    private final Duration pollEvery;
    private final Semaphore wakeUps = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    /** {@code sendOne}: sends one row; false when there was none to send. */
    public OutboxSenders(String name, BooleanSupplier sendOne, Consumer<RuntimeException> complain, Duration pollEvery) {
        this.name = name;
        this.sendOne = sendOne;
        this.complain = complain;
        this.pollEvery = pollEvery;
    }

    /** Starts {@code count} daemon threads, named after the outbox. */
    public synchronized void start(int count) {
        running = true;
        for (int i = 0; i < Math.max(1, count); i++) {
            Thread thread = new Thread(this::sendWhileRunning, count == 1 ? name : name + "-" + (i + 1));
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Rows were written on this node: look now rather than at the next poll. */
    public void wake() {
        wakeUps.release(Math.max(1, threads.size()));
    }

    /**
     * Stops looking; a row being sent gets a few seconds to finish. One still in flight after that ends with the
     * process: its transaction rolls back, and another node (or this one, started again) sends it.
     */
    public synchronized void stop() {
        running = false;
        wakeUps.release(threads.size() + 1);
        long giveUp = System.currentTimeMillis() + GRACE.toMillis();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, giveUp - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void sendWhileRunning() {
        while (running) {
            boolean sentOne;
            try {
                sentOne = sendOne.getAsBoolean();
            } catch (RuntimeException e) {
                complain.accept(e);
                sentOne = false;
            }
            if (!sentOne) {
                try {
                    wakeUps.tryAcquire(pollEvery.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
