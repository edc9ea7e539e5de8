package org.copydesk.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A real SMTP server inside the test JVM (GreenMail) on a free loopback port, and the app's mailer pointed at it: the
 * notifications' e-mail is sent for real and read back. A profile of its own, so the other tests run with e-mail off,
 * as a server with no QUARKUS_MAILER_HOST does.
 */
public class MailServer implements QuarkusTestProfile {

    private static volatile GreenMail current;

    /** The running server, to read what it received. */
    public static GreenMail current() {
        return current;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Smtp.class));
    }

    /** Starts GreenMail's SMTP server before the app and stops it after. */
    public static class Smtp implements QuarkusTestResourceLifecycleManager {

        private GreenMail greenMail;

        @Override
        public Map<String, String> start() {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            current = greenMail;
            return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port),
                    "quarkus.mailer.start-tls", "DISABLED", "quarkus.mailer.login", "DISABLED",
                    "quarkus.mailer.from", "Copydesk desk <desk@copydesk.test>");
        }

        @Override
        public void stop() {
            if (greenMail != null) {
                greenMail.stop();
            }
            current = null;
        }
    }
}
