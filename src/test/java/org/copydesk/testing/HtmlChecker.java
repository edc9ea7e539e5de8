package org.copydesk.testing;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** The Nu Html Checker (vnu), run in-process on a page's HTML; returns its errors (warnings are ignored). */
public final class HtmlChecker {

    private HtmlChecker() {
    }

    /**
     * The checker's RELAX NG patterns recurse deeply: it runs on a thread with a stack of its own, larger than the
     * production-sized one (512 KB) the tests give every other thread (pom.xml).
     */
    public static List<String> errors(String html) throws Exception {
        FutureTask<List<String>> check = new FutureTask<>(() -> check(html));
        new Thread(null, check, "html-checker", 8L * 1024 * 1024).start();
        try {
            return check.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }

    private static List<String> check(String html) throws Exception {
        List<String> errors = new ArrayList<>();
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings are advice, not failures
            }

            @Override
            public void error(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + " (fatal): " + e.getMessage());
            }
        };
        SimpleDocumentValidator validator = new SimpleDocumentValidator();
        validator.setUpMainSchema("http://s.validator.nu/html5-rdfalite.rnc", handler);
        validator.setUpValidatorAndParsers(handler, true, false);
        validator.checkHtmlInputSource(new InputSource(new StringReader(html)));
        return errors;
    }
}
