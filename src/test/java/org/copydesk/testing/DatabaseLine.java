package org.copydesk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The line between the app and PostgreSQL, as a small TCP proxy a test can cut (every connection dropped,
 * new ones closed as soon as they open, as when the database goes away) and restore. Used as a test
 * resource, it points the app's datasource at itself; {@link #current()} is the line of the running app.
 */
public class DatabaseLine implements QuarkusTestResourceLifecycleManager {

    private static volatile DatabaseLine current;

    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private ServerSocket server;
    private String targetHost;
    private int targetPort;

    public static DatabaseLine current() {
        return current;
    }

    @Override
    public Map<String, String> start() {
        String url = System.getProperty("local-postgres.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^jdbc:postgresql://([^:/]+)(?::(\\d+))?/(.*)$").matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("Not a PostgreSQL URL to put a line in front of: " + url);
        }
        targetHost = m.group(1);
        targetPort = m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread acceptor = new Thread(this::accept, "database-line");
        acceptor.setDaemon(true);
        acceptor.start();
        current = this;
        return Map.of("quarkus.datasource.jdbc.url",
                "jdbc:postgresql://127.0.0.1:" + server.getLocalPort() + "/" + m.group(3));
    }

    /** The database goes away: every connection is dropped, and new ones are closed as soon as they open. */
    public void cut() {
        cut = true;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    /** The database is back. */
    public void restore() {
        cut = false;
    }

    @Override
    public void stop() {
        cut();
        closeQuietly(server);
        current = null;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket database = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(database);
                pump(client, database);
                pump(database, client);
            } catch (IOException e) {
                // the server socket closed (stop), or the database refused: the client sees its connection end
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // the line was cut, or one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "database-line-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
