<?php
// Installs the Galley test site in one PHP process (no HTTP round trips, so it is fast): the site, an administrator
// with an application password, and posts with images uploaded to the media library as the editor would.
// Usage: php setup.php URL USER PASSWORD-FILE APP-PASSWORD-FILE IMAGE... ; prints the post ids as JSON.
[$script, $url, $user, $passwordFile, $appPasswordFile] = array_slice($argv, 0, 5);
$images = array_slice($argv, 5);
$_SERVER['HTTP_HOST'] = parse_url($url, PHP_URL_HOST);   // Debian's wp-config.php picks config-<host>.php by it
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
// The install mails the administrator; a test machine has no mailer (WordPress checks for its own before defining it).
function wp_mail(...$arguments) { return true; }
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/media.php';

$password = trim(file_get_contents($passwordFile));
if (!is_blog_installed()) {
    $result = wp_install('Galley test site', $user, $user . '@example.invalid', false, '', $password);
    $userID = $result['user_id'];
} else {
    $userID = get_user_by('login', $user)->ID;
}
update_option('siteurl', $url);
update_option('home', $url);
wp_set_current_user($userID);

// A fresh application password each time the site is installed; only its hash is kept by WordPress.
foreach (WP_Application_Passwords::get_user_application_passwords($userID) as $item) {
    if ($item['name'] === 'galley') WP_Application_Passwords::delete_application_password($userID, $item['uuid']);
}
[$appPassword] = WP_Application_Passwords::create_new_application_password($userID, ['name' => 'galley']);
file_put_contents($appPasswordFile, $appPassword . "\n");
chmod($appPasswordFile, 0600);

// Images go through the media library as an upload would, so their URLs are the absolute
// http://HOST:PORT/wp-content/uploads/YYYY/MM/… URLs real WordPress puts in content.
$media = [];
foreach ($images as $image) {
    $copy = wp_tempnam(basename($image));
    copy($image, $copy);
    $id = media_handle_sideload(['name' => basename($image), 'tmp_name' => $copy], 0, pathinfo($image, PATHINFO_FILENAME));
    if (is_wp_error($id)) { fwrite(STDERR, "upload of $image failed: " . $id->get_error_message() . "\n"); exit(1); }
    $media[] = ['id' => $id, 'url' => wp_get_attachment_url($id), 'alt' => pathinfo($image, PATHINFO_FILENAME)];
}

$category = wp_insert_term('Labour', 'category');
$categoryID = is_wp_error($category) ? get_term_by('name', 'Labour', 'category')->term_id : $category['term_id'];
$figure = fn($m, $caption) => "<!-- wp:image {\"id\":{$m['id']}} -->\n<figure class=\"wp-block-image size-full\"><img src=\"{$m['url']}\" alt=\"{$m['alt']}\" class=\"wp-image-{$m['id']}\"/><figcaption class=\"wp-element-caption\">$caption</figcaption></figure>\n<!-- /wp:image -->";
$paragraph = fn($text) => "<!-- wp:paragraph -->\n<p>$text</p>\n<!-- /wp:paragraph -->";
$posts = [
    ['title' => 'Power station workers vote to strike',
     'content' => $paragraph('Workers at the coal power station voted by a large majority to strike over pay and the closure plan.')
        . "\n\n" . $figure($media[0], 'The power station at dawn.')
        . "\n\n" . $paragraph('The union said the vote showed that <em>a just transition</em> must be negotiated, not announced.'),
     'featured' => $media[0]['id']],
    ['title' => 'A union badge for every member',
     'content' => $paragraph('The union is giving every new member a badge, designed by a member in the print shop.')
        . "\n\n" . $figure($media[count($media) > 1 ? 1 : 0], 'The new badge.')
        . "\n\n" . $paragraph('Branch secretaries can order more from the regional office.'),
     'featured' => null],
    ['title' => 'Minutes of the regional meeting',
     'content' => $paragraph('The regional meeting heard reports from five branches and agreed the budget for next year.')
        . "\n\n" . $paragraph('Delegates asked for the <strong>printed bulletin</strong> to be sent as a PDF with each post.'),
     'featured' => null],
];
$ids = [];
foreach ($posts as $index => $post) {
    $id = wp_insert_post(['post_title' => $post['title'], 'post_content' => $post['content'], 'post_status' => 'publish',
                          'post_author' => $userID, 'post_category' => [$categoryID],
                          'post_date' => sprintf('2026-11-%02d 09:00:00', 10 + $index)], true);
    if (is_wp_error($id)) { fwrite(STDERR, "post failed: " . $id->get_error_message() . "\n"); exit(1); }
    if ($post['featured']) {
        set_post_thumbnail($id, $post['featured']);
        // Attached to its post as the editor does when it is uploaded there: the post's media list then holds an
        // image beside Galley's PDF, which publishing must leave alone.
        wp_update_post(['ID' => $post['featured'], 'post_parent' => $id]);
    }
    $ids[] = $id;
}
echo json_encode($ids), "\n";
