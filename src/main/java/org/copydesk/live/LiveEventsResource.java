package org.copydesk.live;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * A live story's changes as they come, for readers' pages (Server-Sent Events; live.js). A browser reconnecting
 * says the last change it had (Last-Event-ID); a page opening the stream says the change it was rendered at
 * ({@code ?after=}). Coverage that has ended answers 204, which tells a browser to stop reconnecting.
 */
@Path(LivePaths.EVENTS)
public class LiveEventsResource {

    @Inject
    LiveStreams streams;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void follow(@PathParam("id") long id, @QueryParam("after") String after,
                       @HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink, @Context Sse sse) {
        long from = number(lastEventId);
        if (from < 0) {
            from = number(after);
        }
        switch (streams.follow(id, from, sink, sse)) {
            case FOLLOWING -> {
                // the stream stays open: LiveStreams writes to it
            }
            case ENDED -> throw new WebApplicationException(Response.noContent().build());
            case NOT_LIVE -> throw new NotFoundException();
        }
    }

    /** A change's number as sent; -1 (from now) for anything else. */
    private static long number(String value) {
        if (value == null || value.isBlank() || value.length() > 18) {
            return -1;
        }
        try {
            return Math.max(-1, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
