#!/usr/bin/env bash
# Writes the pages nginx answers with by itself (its error_page targets, conf/nginx/common.conf)
# in the site's own design: the frame of templates/layout.tpl and the body of
# templates/error.tpl, with the stylesheet, so a visitor who meets nginx rather than a program
# (an address too long, a body too large, a program down, an unknown address) sees the same
# site. Static files, because nginx must be able to answer while no program is running.
#
#   conf/errorpages.sh OUT_DIR [SITE_NAME] [HOSTS]
#
# OUT_DIR/liaison-errors/CODE.html for 400, 404, 413, 414, 421, 500, 502, 503 and 504.
# SITE_NAME defaults to LIAISON_SITE_NAME's default. HOSTS, for the dev server's 421 page
# only, names the addresses it answers to. tests/http/nginx.test.mjs checks that these pages
# keep the frame a program's own error page has.
set -euo pipefail
out=$1/liaison-errors
site=${2:-Libraries Seeking Partners}
hosts=${3:-this site\'s own address}
html() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g' -e "s/'/\&#39;/g" <<<"$1"; }
site=$(html "$site") hosts=$(html "$hosts")
# Who runs the directory, from the settings in the environment, as layout.tpl's footer has it.
operator=$(html "${LIAISON_OPERATOR_NAME:-${2:-Libraries Seeking Partners}}")
logo_line= postal= mail=
[ -n "${LIAISON_OPERATOR_LOGO:-}" ] &&
	logo_line="<img class=\"operator-logo\" src=\"$(html "$LIAISON_OPERATOR_LOGO")\" alt=\"$operator\" height=\"40\">"
[ -n "${LIAISON_OPERATOR_ADDRESS:-}" ] && postal=", <span dir=\"auto\">$(html "$LIAISON_OPERATOR_ADDRESS")</span>"
[ -n "${LIAISON_OPERATOR_EMAIL:-}" ] &&
	mail=" Write to the directory's staff at <a href=\"mailto:$(html "$LIAISON_OPERATOR_EMAIL")\">$(html "$LIAISON_OPERATOR_EMAIL")</a>."
mkdir -p "$out"

page() {	# code, reason, detail (already HTML)
	cat > "$out/$1.html.new" <<PAGE
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$2 · $site</title>
<link rel="stylesheet" href="/static/liaison.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header class="site">
<p class="brand"><a href="/list">$site</a></p>
<nav aria-label="Main">
<ul>
<li><a href="/list">Directory</a></li>
<li><a href="/search">Search</a></li>
<li><a href="/apply">Apply to be listed</a></li>
<li><a href="/report">Impact report</a></li>
</ul>
</nav>

</header>
<main id="main">
<h1>$2</h1>
<p class="error-detail" role="alert">$3</p>
<p><a href="/list">Go to the directory</a></p>
<p class="status-code">HTTP status $1</p>
</main>
<footer class="site">
$logo_line
<p class="operator">$site is run by <span dir="auto">$operator</span>$postal.$mail</p>
<p><a href="/about">About this directory and privacy</a> · No information about library patrons is collected. · <a href="/staff/queue">Staff</a></p>
</footer>
</body>
</html>
PAGE
	chmod 0644 "$out/$1.html.new"
	mv "$out/$1.html.new" "$out/$1.html"	# nginx may be serving the old one this moment
}

page 400 "Bad Request" "Your browser sent a request this site could not read, or with headers (such as cookies) too large. Clearing this site's cookies and trying again usually helps."
page 404 "Not Found" "There is no page at this address. If you followed a link, it may be out of date."
page 413 "Content Too Large" "What you sent is larger than this site accepts. An import file may be at most 128 KB: split a larger one into parts."
page 414 "URI Too Long" "This address is longer than this site accepts. If you followed a link, it may have been damaged; start again from the directory."
page 421 "Misdirected Request" "This server answers only to $hosts. Use one of those in the address."
page 500 "Internal Server Error" "Something went wrong on the server. Please try again in a moment."
page 502 "Bad Gateway" "This part of the site is not answering just now: it may be restarting. Please try again in a moment."
page 503 "Service Unavailable" "This part of the site is not answering just now: it may be restarting. Please try again in a moment."
page 504 "Gateway Timeout" "This part of the site took too long to answer. Please try again in a moment."
