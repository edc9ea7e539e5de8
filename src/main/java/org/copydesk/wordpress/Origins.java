package org.copydesk.wordpress;

import java.util.Optional;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Where imported things came from (wordpress_origin), and the old addresses they answer (wordpress_address). Called
 * inside the importer's transactions.
 */
final class Origins {

    enum Kind { STORY, SECTION, TAG, AUTHOR, IMAGE }

    private Origins() {
    }

    static Optional<Long> find(String site, Kind kind, String key) {
        @SuppressWarnings("unchecked")
        java.util.List<Number> found = Panache.getEntityManager().createNativeQuery(
                "select target_id from wordpress_origin where site_url = ?1 and kind = ?2 and wp_key = ?3")
                .setParameter(1, site).setParameter(2, kind.name()).setParameter(3, key).getResultList();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).longValue());
    }

    static Optional<String> fingerprint(String site, Kind kind, String key) {
        @SuppressWarnings("unchecked")
        java.util.List<String> found = Panache.getEntityManager().createNativeQuery(
                "select fingerprint from wordpress_origin where site_url = ?1 and kind = ?2 and wp_key = ?3")
                .setParameter(1, site).setParameter(2, kind.name()).setParameter(3, key).getResultList();
        return found.isEmpty() ? Optional.empty() : Optional.ofNullable(found.get(0));
    }

    static void remember(String site, Kind kind, String key, long targetId, String fingerprint) {
        Panache.getEntityManager().createNativeQuery(
                "insert into wordpress_origin (site_url, kind, wp_key, target_id, fingerprint, updated_at) values (?1, ?2, ?3, ?4, ?5, now()) "
                        + "on conflict (site_url, kind, wp_key) do update set target_id = excluded.target_id, "
                        + "fingerprint = excluded.fingerprint, updated_at = now()")
                .setParameter(1, site).setParameter(2, kind.name()).setParameter(3, key).setParameter(4, targetId)
                .setParameter(5, fingerprint).executeUpdate();
    }

    static void remember(String site, Kind kind, String key, long targetId) {
        Panache.getEntityManager().createNativeQuery(
                "insert into wordpress_origin (site_url, kind, wp_key, target_id, updated_at) values (?1, ?2, ?3, ?4, now()) "
                        + "on conflict (site_url, kind, wp_key) do update set target_id = excluded.target_id, updated_at = now()")
                .setParameter(1, site).setParameter(2, kind.name()).setParameter(3, key).setParameter(4, targetId)
                .executeUpdate();
    }

    /** An old address; returns true when it is new (not known before, or known for another thing). */
    static boolean address(String path, Kind kind, long targetId, String site) {
        if (path == null || path.isEmpty() || path.equals("/") || path.length() > 1000) {
            return false;
        }
        return Panache.getEntityManager().createNativeQuery(
                "insert into wordpress_address (path, kind, target_id, site_url) values (?1, ?2, ?3, ?4) "
                        + "on conflict (path) do update set kind = excluded.kind, target_id = excluded.target_id, "
                        + "site_url = excluded.site_url where wordpress_address.kind <> excluded.kind "
                        + "or wordpress_address.target_id <> excluded.target_id")
                .setParameter(1, path).setParameter(2, kind.name()).setParameter(3, targetId).setParameter(4, site)
                .executeUpdate() > 0;
    }

    static void line(long runId, ImportRun.LineKind kind, String text) {
        String clean = text.length() > ImportRun.TEXT_MAX ? text.substring(0, ImportRun.TEXT_MAX - 1) + "…" : text;
        Panache.getEntityManager().createNativeQuery(
                "insert into wordpress_import_line (import_id, position, kind, text) values (?1, "
                        + "(select coalesce(max(position), -1) + 1 from wordpress_import_line where import_id = ?1), ?2, ?3)")
                .setParameter(1, runId).setParameter(2, kind.name()).setParameter(3, clean).executeUpdate();
    }

    static java.util.List<ImportRun.Line> lines(long runId, int limit) {
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
                "select kind, text from wordpress_import_line where import_id = ?1 order by position").setParameter(1, runId)
                .setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new ImportRun.Line(ImportRun.LineKind.valueOf((String) r[0]), (String) r[1])).toList();
    }
}
