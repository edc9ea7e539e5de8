package org.copydesk.live;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.copydesk.publishing.PublicChange;
import org.copydesk.publishing.VersionHeard;
import org.copydesk.story.Story;
import org.jboss.logging.Logger;

/**
 * Readers following live stories on this node, and what they are sent: each live story followed here has a
 * channel with its readers' open streams (Server-Sent Events), the number of the last change sent, and the last
 * changes rendered, for readers who connect a little behind.
 * <p>
 * <b>How an entry reaches every reader on every node.</b> A change commits on some node and raises the public
 * version; PostgreSQL notifies every node (publishing.PublicChangeListener), and each wakes its sender here, which
 * reads the changes after the last one it sent, per followed story, renders each once and writes it to every
 * stream of the story. Nothing is sent from the transaction itself, so what readers get has committed, and a node
 * needs nothing from another but the database. Should a notification be missed (the listener reconnecting), the
 * sender looks anyway every few seconds.
 * <p>
 * A channel's sends are made under its lock, by the sender or by a reader's request catching up: the changes of a
 * story reach each stream in order. A change numbered below the last sent never commits later (see
 * {@link LiveCoverage}), so "after n" is all a reader needs to say.
 */
@ApplicationScoped
public class LiveStreams {

    private static final Logger LOG = Logger.getLogger(LiveStreams.class);
    /** Changes kept rendered per story, for readers whose page is a little older than the stream. */
    static final int KEPT = 200;
    /** More missing changes than this, and the reader's page is told to reload instead. */
    static final int CATCH_UP_MAX = 500;
    /** How often the sender looks with no notification: the floor under a missed one. */
    static final Duration LOOK_EVERY = Duration.ofSeconds(5);
    /** A comment to every stream this often: proxies keep the connection, and closed ones are found. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** How long a channel no one follows is kept before it goes. */
    static final Duration IDLE = Duration.ofMinutes(1);

    /** What a reader asking to follow a story is answered. */
    public enum Opening {
        FOLLOWING, ENDED, NOT_LIVE
    }

    @Inject
    LiveCoverage coverage;

    @Inject
    LivePages pages;

    @Inject
    ObjectMapper json;

    private final Map<Long, Channel> channels = new ConcurrentHashMap<>();
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private volatile Sse sse;
    private Thread sender;
    private long lastHeartbeat = System.nanoTime();

    /** One followed story. Everything but the set of streams is read and written under its lock. */
    static final class Channel {
        final long storyId;
        final Locale locale;
        final Set<SseEventSink> sinks = ConcurrentHashMap.newKeySet();
        final ArrayDeque<Sent> recent = new ArrayDeque<>();
        long lastSeq;
        /** Every change after this one is in {@link #recent}. */
        long keptAfter;
        boolean closed;
        long idleSince = System.nanoTime();

        Channel(long storyId, Locale locale, long lastSeq) {
            this.storyId = storyId;
            this.locale = locale;
            this.lastSeq = lastSeq;
            this.keptAfter = lastSeq;
        }
    }

    record Sent(long seq, OutboundSseEvent event) {
    }

    /** A story's state as the sender reads it. */
    private record StoryNow(boolean followable, java.time.Instant endedAt, Locale locale) {
    }

    void start(@Observes StartupEvent event) {
        running = true;
        sender = new Thread(this::sendWhileRunning, "live-sender");
        sender.setDaemon(true);
        sender.start();
        Runtime.getRuntime().addShutdownHook(closer);
    }

    /**
     * On SIGTERM the streams are closed at once, beside Quarkus's own shutdown: a stream is a request in flight that
     * never ends, and the graceful shutdown would otherwise wait its whole timeout (20 s) for readers who never
     * leave. Their browsers reconnect, to another node behind the proxy, saying the last change they had.
     */
    private final Thread closer = new Thread(this::closeEverything, "live-streams-closer");

    void stop(@Observes ShutdownEvent event) {
        closeEverything();
        try {
            Runtime.getRuntime().removeShutdownHook(closer);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is stopping: the hook runs, or ran, anyway
        }
    }

    private void closeEverything() {
        running = false;
        wakeUps.release();
        channels.values().forEach(channel -> {
            synchronized (channel) {
                closeAll(channel);
            }
        });
        channels.clear();
    }

    /** A public change committed on some node: live coverage may have changed. */
    void heard(@Observes VersionHeard heard) {
        if (!channels.isEmpty()) {
            wakeUps.release();
        }
    }

    /** A change of live coverage committed here: no need to wait for the database's notification. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicChange change) {
        if (change.kind().ofLiveCoverage() && !channels.isEmpty()) {
            wakeUps.release();
        }
    }

    /**
     * A reader follows a story from the change numbered {@code after} (what their page showed; negative for "from
     * now"): the changes since are sent at once, then each as it comes.
     */
    public Opening follow(long storyId, long after, SseEventSink sink, Sse factory) {
        this.sse = factory;
        Channel channel = channelFor(storyId);
        if (channel == null) {
            StoryNow now = storyNow(storyId);
            return now != null && now.endedAt() != null ? Opening.ENDED : Opening.NOT_LIVE;
        }
        synchronized (channel) {
            if (channel.closed) {
                return Opening.NOT_LIVE;
            }
            long from = after < 0 ? channel.lastSeq : after;
            if (from < channel.lastSeq) {
                if (from >= channel.keptAfter) {
                    channel.recent.stream().filter(sent -> sent.seq() > from).forEach(sent -> send(channel, sink, sent.event()));
                } else {
                    catchUpFromDatabase(channel, sink, from);
                }
            }
            send(channel, sink, factory.newEventBuilder().comment("following").reconnectDelay(3000).build());
            channel.sinks.add(sink);
        }
        return Opening.FOLLOWING;
    }

    /** How many streams this node holds open (for the figures and the tests). */
    public int following() {
        return channels.values().stream().mapToInt(channel -> channel.sinks.size()).sum();
    }

    private Channel channelFor(long storyId) {
        Channel existing = channels.get(storyId);
        if (existing != null) {
            return existing;
        }
        // One reader reads the story; the others asking for it at the same moment wait for that (the map's lock).
        return channels.computeIfAbsent(storyId, id -> {
            StoryNow now = storyNow(id);
            if (now == null || !now.followable()) {
                return null;
            }
            long last = QuarkusTransaction.requiringNew().call(() -> coverage.lastChange(id).seq());
            return new Channel(id, now.locale(), last);
        });
    }

    private static StoryNow storyNow(long storyId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Story story = Story.findById(storyId);
            if (story == null || !story.live || !story.isPublished()) {
                return null;
            }
            return new StoryNow(story.liveEndedAt == null, story.liveEndedAt, story.lang().locale());
        });
    }

    private void catchUpFromDatabase(Channel channel, SseEventSink sink, long from) {
        List<LiveEntryView> missed = QuarkusTransaction.requiringNew().call(
                () -> coverage.changesAfter(channel.storyId, from, CATCH_UP_MAX + 1));
        if (missed.size() > CATCH_UP_MAX) {
            send(channel, sink, sse.newEventBuilder().name("reload").data(String.class, "{}").build());
            return;
        }
        for (LiveEntryView change : missed) {
            if (change.seq() <= channel.lastSeq) {
                send(channel, sink, entryEvent(change, channel.locale));
            }
        }
    }

    private void sendWhileRunning() {
        while (running) {
            try {
                wakeUps.tryAcquire(LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
            if (!running) {
                return;
            }
            // Hibernate here needs a request context, as everywhere (ops.ReadRouting picks the database by it).
            ManagedContext context = Arc.container().requestContext();
            context.activate();
            try {
                for (Channel channel : List.copyOf(channels.values())) {
                    try {
                        look(channel);
                    } catch (RuntimeException e) {
                        LOG.warnf("Live coverage of story %d could not be read just now (%s); trying again", channel.storyId,
                                e.getMessage());
                    }
                }
            } finally {
                context.terminate();
            }
            heartbeat();
        }
    }

    /** Sends the story's new changes to its streams; ends them when its coverage ended or it was taken down. */
    private void look(Channel channel) {
        if (channel.sinks.isEmpty() && System.nanoTime() - channel.idleSince > IDLE.toNanos()) {
            synchronized (channel) {
                if (channel.sinks.isEmpty()) {
                    channel.closed = true;
                    channels.remove(channel.storyId, channel);
                    return;
                }
            }
        }
        long seen;
        synchronized (channel) {
            seen = channel.lastSeq;
        }
        StoryNow now = storyNow(channel.storyId);
        List<LiveEntryView> changes = QuarkusTransaction.requiringNew().call(
                () -> coverage.changesAfter(channel.storyId, seen, CATCH_UP_MAX));
        List<Sent> events = new ArrayList<>();
        for (LiveEntryView change : changes) {
            events.add(new Sent(change.seq(), entryEvent(change, channel.locale)));
        }
        synchronized (channel) {
            for (Sent sent : events) {
                if (sent.seq() <= channel.lastSeq) {
                    continue;
                }
                channel.recent.addLast(sent);
                if (channel.recent.size() > KEPT) {
                    channel.keptAfter = channel.recent.removeFirst().seq();
                }
                channel.lastSeq = sent.seq();
                channel.sinks.forEach(sink -> send(channel, sink, sent.event()));
            }
            if (now == null || !now.followable()) {
                OutboundSseEvent last = now != null && now.endedAt() != null
                        ? sse.newEventBuilder().name("ended").data(String.class, endedJson(now)).build()
                        : sse.newEventBuilder().name("gone").data(String.class, "{}").build();
                channel.sinks.forEach(sink -> send(channel, sink, last));
                closeAll(channel);
                channels.remove(channel.storyId, channel);
            }
        }
    }

    private void heartbeat() {
        if (System.nanoTime() - lastHeartbeat < HEARTBEAT.toNanos() || sse == null) {
            return;
        }
        lastHeartbeat = System.nanoTime();
        OutboundSseEvent beat = sse.newEventBuilder().comment("").build();
        for (Channel channel : List.copyOf(channels.values())) {
            synchronized (channel) {
                channel.sinks.removeIf(SseEventSink::isClosed);
                channel.sinks.forEach(sink -> send(channel, sink, beat));
                if (channel.sinks.isEmpty()) {
                    channel.idleSince = Math.min(channel.idleSince, System.nanoTime());
                }
            }
        }
    }

    /** Writes one event; a stream that fails (the reader gone) is dropped. */
    private static void send(Channel channel, SseEventSink sink, OutboundSseEvent event) {
        if (sink.isClosed()) {
            forget(channel, sink);
            return;
        }
        try {
            sink.send(event).whenComplete((done, failure) -> {
                if (failure != null) {
                    forget(channel, sink);
                }
            });
        } catch (RuntimeException e) {
            forget(channel, sink);
        }
    }

    private static void forget(Channel channel, SseEventSink sink) {
        if (channel.sinks.remove(sink) && channel.sinks.isEmpty()) {
            channel.idleSince = System.nanoTime();
        }
        try {
            sink.close();
        } catch (RuntimeException e) {
            // gone already
        }
    }

    private static void closeAll(Channel channel) {
        channel.closed = true;
        for (SseEventSink sink : List.copyOf(channel.sinks)) {
            try {
                sink.close();
            } catch (RuntimeException e) {
                // gone already
            }
        }
        channel.sinks.clear();
    }

    /**
     * An entry's change as readers' pages apply it: the entry (and its line among the key events) rendered as a
     * reload would show it, or its removal.
     */
    private OutboundSseEvent entryEvent(LiveEntryView entry, Locale locale) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", entry.anchor());
        data.put("seq", entry.seq());
        data.put("posted", org.copydesk.web.Times.iso(entry.postedAt()));
        data.put("deleted", entry.deleted());
        data.put("keyEvent", entry.keyEvent() && !entry.deleted());
        if (!entry.deleted()) {
            data.put("html", pages.entry(entry, locale));
            if (entry.keyEvent()) {
                data.put("keyHtml", pages.keyEvent(entry, locale));
            }
        }
        return sse.newEventBuilder().name("entry").id(Long.toString(entry.seq())).mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, write(data)).build();
    }

    private String endedJson(StoryNow now) {
        return write(Map.of("html", pages.ended(now.endedAt(), now.locale())));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
