package org.copydesk.web;

import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.common.headers.HeaderUtil;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every form (url-encoded or multipart, signed in or not) is read through {@link CheckedFormBody}, so bad
 * bytes get the 400 page of {@link UnreadableFormException} instead of a 500 or a U+FFFD stored as if typed.
 * A request filter that does not read the form runs before Quarkus REST parses it (and before the CSRF check,
 * which needs the parsed form): it only puts the check between the connection and the parser.
 */
public class ReadableForms {

    @Inject
    OversizedUploads limits;

    @ServerRequestFilter
    public void checkFormBody(ContainerRequestContext request) {
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return;
        }
        // A form sent without its length is weighed as it is read (one with a length was weighed before).
        boolean importing = OversizedUploads.isImport(request.getMethod(), request.getUriInfo().getPath());
        long limit = importing ? limits.importLimit() : limits.formLimit();
        String lowerCase = type.toLowerCase(Locale.ROOT);
        if (lowerCase.startsWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            request.setEntityStream(new CheckedFormBody(request.getEntityStream(),
                    new CheckedFormBody.UrlEncoded(CheckedFormBody.charsetOf(type)), limit, importing));
        } else if (lowerCase.startsWith(MediaType.MULTIPART_FORM_DATA)) {
            String boundary = HeaderUtil.extractQuotedValueFromHeader(type, "boundary");
            if (boundary == null || boundary.isEmpty()) {
                throw new UnreadableFormException("a multipart body without a boundary");
            }
            request.setEntityStream(new CheckedFormBody(request.getEntityStream(), new CheckedFormBody.Multipart(boundary),
                    limit, importing));
        }
    }
}
