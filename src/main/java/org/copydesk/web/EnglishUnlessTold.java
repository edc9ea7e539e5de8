package org.copydesk.web;

import java.util.Locale;

import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Every page starts in English; a reader's page then says its own language (site.PageLanguage). Without this,
 * Qute would pick the words of a page that sets none (the desk's) by the browser's Accept-Language, and the desk
 * stays English whatever the browser asks for.
 */
@Singleton
public class EnglishUnlessTold {

    void configure(@Observes EngineBuilder builder) {
        builder.addTemplateInstanceInitializer(page -> page.setAttribute(TemplateInstance.LOCALE, Locale.ENGLISH));
    }
}
