<?php
// Router for `php -S` over Debian's /usr/share/wordpress: the site's wp-content (uploads) lives in the test site's
// state folder, outside the document root, so its files are served from there; everything else is WordPress's own.
$content = getenv('GALLEY_WP_CONTENT_DIR');
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if ($content !== false && str_starts_with($path, '/wp-content/') && !str_contains($path, '..')) {
    $file = $content . substr($path, strlen('/wp-content'));
    if (is_file($file) && !str_ends_with($file, '.php')) {
        $types = ['png' => 'image/png', 'jpg' => 'image/jpeg', 'jpeg' => 'image/jpeg', 'gif' => 'image/gif',
                  'webp' => 'image/webp', 'svg' => 'image/svg+xml', 'pdf' => 'application/pdf'];
        $extension = strtolower(pathinfo($file, PATHINFO_EXTENSION));
        header('Content-Type: ' . ($types[$extension] ?? 'application/octet-stream'));
        header('Content-Length: ' . filesize($file));
        readfile($file);
        return true;
    }
    http_response_code(404);
    return true;
}
return false;
