<?php
/*
 * Makes export.xml and uploads.zip for the WordPress import tests with a real WordPress (Debian's `wordpress`
 * package) writing its own export (export_wp(), as Tools → Export does). See README.md beside it.
 *
 *   php make-export.php OUTPUT_DIR IMAGE_DIR
 *
 * IMAGE_DIR holds harbour.jpg, market.jpg and portrait.jpg. Needs MariaDB on 127.0.0.1 (root, no password);
 * the database `wp_export_fixture` is dropped and made again on every run.
 */

error_reporting(E_ALL & ~E_DEPRECATED & ~E_NOTICE);

$out = rtrim($argv[1] ?? __DIR__, '/');
$images = rtrim($argv[2] ?? '/tmp/wpimg', '/');
$content = sys_get_temp_dir() . '/wp-export-fixture-content';
exec('rm -rf ' . escapeshellarg($content));
mkdir($content . '/uploads', 0777, true);

$db = new mysqli('127.0.0.1', 'root', '');
$db->query('DROP DATABASE IF EXISTS wp_export_fixture');
$db->query('CREATE DATABASE wp_export_fixture CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
$db->close();

define('DB_NAME', 'wp_export_fixture');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', '127.0.0.1');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_HOME', 'http://wordpress.example');
define('WP_SITEURL', 'http://wordpress.example');
define('WP_CONTENT_DIR', $content);
define('WP_CONTENT_URL', 'http://wordpress.example/wp-content');
define('WP_INSTALLING', true);
define('ABSPATH', '/usr/share/wordpress/');
$table_prefix = 'wp_';
$_SERVER['HTTP_HOST'] = 'wordpress.example';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';

require ABSPATH . 'wp-settings.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/export.php';

wp_install('The Harbour Gazette', 'maria', 'maria@wordpress.example', true, '', 'a password nobody uses');
update_option('timezone_string', 'Europe/Paris');
update_option('permalink_structure', '/%year%/%monthnum%/%day%/%postname%/');
update_option('uploads_use_yearmonth_folders', 1);
global $wp_rewrite;
$wp_rewrite->set_permalink_structure('/%year%/%monthnum%/%day%/%postname%/');

// Co-Authors Plus, as the plugin registers them (the plugin is not packaged by Debian).
register_taxonomy('author', 'post', array('hierarchical' => false, 'public' => false, 'rewrite' => false,
    'query_var' => false, 'sort' => true));
register_post_type('guest-author', array('public' => false, 'supports' => array('thumbnail'), 'rewrite' => false,
    'query_var' => false, 'can_export' => true));

// Three authors (users); the first, maria, is the admin made by wp_install.
$maria = get_user_by('login', 'maria')->ID;
wp_update_user(array('ID' => $maria, 'display_name' => 'María Fernández', 'first_name' => 'María',
    'last_name' => 'Fernández', 'user_nicename' => 'maria', 'description' => 'Editor of the Gazette.'));
$tom = wp_insert_user(array('user_login' => 'tom', 'user_pass' => 'a password nobody uses', 'user_email' => 'tom@wordpress.example',
    'display_name' => 'Tom Baker', 'first_name' => 'Tom', 'last_name' => 'Baker', 'user_nicename' => 'tom-baker',
    'role' => 'author', 'description' => 'Covers the port and the weather.'));
$olga = wp_insert_user(array('user_login' => 'olga', 'user_pass' => 'a password nobody uses', 'user_email' => 'olga@wordpress.example',
    'display_name' => 'Ольга Смирнова', 'first_name' => 'Ольга', 'last_name' => 'Смирнова', 'user_nicename' => 'olga',
    'role' => 'author'));

// Categories (one nested), tags.
$news = wp_insert_term('News', 'category', array('slug' => 'news', 'description' => 'What happened.'))['term_id'];
$local = wp_insert_term('Local', 'category', array('slug' => 'local', 'parent' => $news))['term_id'];
$arts = wp_insert_term('Arts & Culture', 'category', array('slug' => 'arts-culture'))['term_id'];
wp_insert_term('Harbour', 'post_tag', array('slug' => 'harbour'));
wp_insert_term('Weather', 'post_tag', array('slug' => 'weather'));
wp_insert_term('Café Life', 'post_tag', array('slug' => 'cafe-life'));

// Co-Authors Plus: an author term per writer (cap-<user_nicename>), and a guest author with its own term.
foreach (array('maria' => 'maria', 'tom' => 'tom-baker', 'olga' => 'olga') as $login => $nicename) {
    wp_insert_term($login, 'author', array('slug' => 'cap-' . $nicename));
}
$guest = wp_insert_post(array('post_type' => 'guest-author', 'post_status' => 'publish', 'post_title' => 'Amina Diallo',
    'post_name' => 'cap-amina-diallo', 'post_author' => $maria));
update_post_meta($guest, 'cap-display_name', 'Amina Diallo');
update_post_meta($guest, 'cap-user_login', 'amina-diallo');
update_post_meta($guest, 'cap-first_name', 'Amina');
update_post_meta($guest, 'cap-last_name', 'Diallo');
update_post_meta($guest, 'cap-user_email', 'amina@freelance.example');
update_post_meta($guest, 'cap-description', 'Freelance writer in Dakar.');
wp_insert_term('amina-diallo', 'author', array('slug' => 'cap-amina-diallo'));

// Attachments: real files in uploads/2024/05, as the media library keeps them.
$upload = $content . '/uploads/2024/05';
mkdir($upload, 0777, true);
function attach($file, $title, $alt, $date) {
    global $upload, $maria;
    $path = $upload . '/' . $file;
    $id = wp_insert_attachment(array('post_title' => $title, 'post_mime_type' => 'image/jpeg', 'post_status' => 'inherit',
        'post_date' => $date, 'post_author' => $maria,
        'guid' => 'http://wordpress.example/wp-content/uploads/2024/05/' . $file), $path);
    update_attached_file($id, $path);
    wp_update_attachment_metadata($id, wp_generate_attachment_metadata($id, $path));
    if ($alt !== null) {
        update_post_meta($id, '_wp_attachment_image_alt', $alt);
    }
    return $id;
}
copy($images . '/harbour.jpg', $upload . '/harbour.jpg');
copy($images . '/market.jpg', $upload . '/market.jpg');
copy($images . '/portrait.jpg', $upload . '/portrait.jpg');
$harbour = attach('harbour.jpg', 'The harbour at dawn', 'Fishing boats moored in the harbour at dawn', '2024-05-10 08:00:00');
$market = attach('market.jpg', 'Saturday market', null, '2024-05-10 08:05:00'); // no alt: the title stands in
$portrait = attach('portrait.jpg', 'Portrait of the mayor', 'The mayor at her desk', '2024-05-10 08:10:00');
$harbourUrl = wp_get_attachment_url($harbour);
$marketUrl = wp_get_attachment_url($market);

// wp_install's own post, page and privacy draft go: the fixture is the same on every run.
foreach (get_posts(array('post_type' => array('post', 'page'), 'post_status' => 'any', 'numberposts' => -1)) as $made) {
    wp_delete_post($made->ID, true);
}

/*
 * A post as the editor makes one: first an auto-draft (which gets the guid http://host/?p=N, the permalink of a post
 * not published), then saved with its content and status.
 */
function fixture_post($fields) {
    $id = wp_insert_post(array('post_type' => $fields['post_type'], 'post_status' => 'auto-draft', 'post_title' => 'Auto Draft',
        'post_author' => $fields['post_author']));
    $fields['ID'] = $id;
    if (isset($fields['post_date'])) {
        $fields['edit_date'] = true;
    }
    wp_update_post($fields);
    return $id;
}

// Posts. Gutenberg block markup, as the block editor saves it.
$p1 = fixture_post(array('post_type' => 'post', 'post_status' => 'publish', 'post_author' => $tom,
    'post_date' => '2024-05-12 09:30:00', 'post_title' => 'Storm closes the harbour for two days',
    'post_name' => 'storm-closes-the-harbour', 'post_excerpt' => 'Ferries stayed in port as winds reached 110 km/h.',
    'post_category' => array($local), 'tags_input' => array('Harbour', 'Weather'),
    'post_content' => <<<HTML
<!-- wp:paragraph -->
<p>The harbour master closed the port on Sunday morning as the storm came in from the west.</p>
<!-- /wp:paragraph -->

<!-- wp:heading -->
<h2 class="wp-block-heading">What was closed</h2>
<!-- /wp:heading -->

<!-- wp:list -->
<ul><!-- wp:list-item -->
<li>The ferry terminal</li>
<!-- /wp:list-item -->

<!-- wp:list-item -->
<li>The fish market on the quay</li>
<!-- /wp:list-item --></ul>
<!-- /wp:list -->

<!-- wp:image {"id":$harbour,"sizeSlug":"full","linkDestination":"none"} -->
<figure class="wp-block-image size-full"><img src="$harbourUrl" alt="Boats in the harbour" class="wp-image-$harbour"/><figcaption class="wp-element-caption">Boats stayed in the harbour.</figcaption></figure>
<!-- /wp:image -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><!-- wp:paragraph -->
<p>We have not seen winds like this in twenty years.</p>
<!-- /wp:paragraph --><cite>The harbour master</cite></blockquote>
<!-- /wp:quote -->

<!-- wp:paragraph -->
<p>The port is expected to open again on <strong>Tuesday</strong>.</p>
<!-- /wp:paragraph -->
HTML));
set_post_thumbnail($p1, $harbour);
wp_set_object_terms($p1, array('cap-tom-baker', 'cap-amina-diallo'), 'author');

// A post from the classic editor: no <p>, blank lines between paragraphs, a [caption] shortcode.
$p2 = fixture_post(array('post_type' => 'post', 'post_status' => 'publish', 'post_author' => $maria,
    'post_date' => '2024-05-14 18:05:00', 'post_title' => 'Saturday market moves to the old square',
    'post_category' => array($news, $arts), 'tags_input' => array('Café Life'),
    'post_content' => "The Saturday market will move to the old square from June.\n\n"
        . "[caption id=\"attachment_$market\" align=\"alignnone\" width=\"600\"]<img class=\"size-full wp-image-$market\" "
        . "src=\"$marketUrl\" alt=\"\" width=\"600\" height=\"400\" /> Stalls on the quay last Saturday.[/caption]\n\n"
        . "Traders said the new place was <em>larger</em> and closer to the cafés.\nSome were not so sure.\n\n"
        . "<h3>Opening hours</h3>\n\nFrom 7 a.m. to 1 p.m., as before."));
set_post_thumbnail($p2, $market);
wp_set_object_terms($p2, array('cap-maria'), 'author');

// Non-ASCII: a Cyrillic headline and slug, accented text.
$p3 = fixture_post(array('post_type' => 'post', 'post_status' => 'publish', 'post_author' => $olga,
    'post_date' => '2024-05-20 07:15:00', 'post_title' => 'Новый мэр гавани: «Мы откроем порт для всех»',
    'post_category' => array($news), 'tags_input' => array('Harbour'),
    'post_content' => "<!-- wp:paragraph -->\n<p>Новый мэр, Élodie Marchand, пообещала открыть порт для всех жителей.</p>\n<!-- /wp:paragraph -->\n\n"
        . "<!-- wp:paragraph -->\n<p>«Это наш общий дом», — сказала она.</p>\n<!-- /wp:paragraph -->"));
set_post_thumbnail($p3, $portrait);
wp_set_object_terms($p3, array('cap-olga'), 'author');

// A post with no category but WordPress's default (Uncategorized), and a link to an earlier post.
$p4 = fixture_post(array('post_type' => 'post', 'post_status' => 'publish', 'post_author' => $tom,
    'post_date' => '2023-11-02 12:00:00', 'post_title' => 'Lighthouse keeper retires after 40 years',
    'post_content' => "<!-- wp:paragraph -->\n<p>After forty years, the keeper climbed the stairs one last time.</p>\n<!-- /wp:paragraph -->"));

// A draft, a scheduled post, a private post, and a page (pages are not imported).
$draft = fixture_post(array('post_type' => 'post', 'post_status' => 'draft', 'post_author' => $tom,
    'post_title' => 'Draft: new ferry timetable', 'post_category' => array($local),
    'post_content' => "<!-- wp:paragraph -->\n<p>The timetable is not final yet.</p>\n<!-- /wp:paragraph -->"));
$future = fixture_post(array('post_type' => 'post', 'post_status' => 'future', 'post_author' => $maria,
    'post_date' => '2031-01-15 10:00:00', 'post_title' => 'The harbour in 2031', 'post_category' => array($news),
    'post_content' => "<!-- wp:paragraph -->\n<p>A look ahead.</p>\n<!-- /wp:paragraph -->"));
$private = fixture_post(array('post_type' => 'post', 'post_status' => 'private', 'post_author' => $maria,
    'post_date' => '2024-05-01 10:00:00', 'post_title' => 'Staff party notes',
    'post_content' => "<!-- wp:paragraph -->\n<p>For staff only.</p>\n<!-- /wp:paragraph -->"));
$page = fixture_post(array('post_type' => 'page', 'post_status' => 'publish', 'post_author' => $maria,
    'post_date' => '2024-01-01 10:00:00', 'post_title' => 'About us',
    'post_content' => "<!-- wp:paragraph -->\n<p>The Gazette has served the harbour since 1921.</p>\n<!-- /wp:paragraph -->"));

ob_start();
export_wp(array('content' => 'all'));
$xml = ob_get_clean();
file_put_contents($out . '/export.xml', $xml);

// The uploads, as a zip of wp-content/uploads (only the files WordPress keeps there), with Info-ZIP's zip.
@unlink($out . '/uploads.zip');
exec('cd ' . escapeshellarg(dirname($content)) . ' && rm -rf zipped && mkdir -p zipped/wp-content && cp -r '
    . escapeshellarg($content . '/uploads') . ' zipped/wp-content/ && cd zipped && zip -q -X -r '
    . escapeshellarg(realpath($out) . '/uploads.zip') . ' wp-content/uploads');
fwrite(STDERR, "Wrote $out/export.xml (" . strlen($xml) . " bytes) and $out/uploads.zip with WordPress " . get_bloginfo('version') . "\n");
