package org.copydesk.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A form refused before it reached its resource (an expired or missing CSRF token, a form that could
 * not be read) comes back as a bare 400. Here it gets a page that says what happened and what to do;
 * nothing was saved, so nothing saved before is lost.
 */
public class RefusedFormPage {

    static final String MESSAGE = "This form could not be accepted: it has expired or did not come from this site, "
            + "so nothing was saved. Go back, copy anything you typed, reload the page and send it again.";

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 400 && !response.hasEntity() && "POST".equals(request.getMethod())) {
            response.setEntity(ErrorPages.badRequestPage(MESSAGE), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }
}
