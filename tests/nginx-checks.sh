# What a visitor meets from nginx itself, checked the same way through both shipped nginx
# configurations: sourced by tests/serve.sh (the dev server of conf/serve.sh) and
# tests/install.sh (the installed conf/nginx site). The sourcing suite defines check NAME CMD…
# and calls nginx_checks BASE CURL_ARGS… (CURL_ARGS, e.g. --resolve, reach the site's name).
# Each length goes through the real nginx to the real program; nothing is mocked.

# req PATH [curl args…]: the answer's status in $code, headers in $t/h, body in $t/b.
req() {
	local path=$1; shift
	code=$(curl -s -o "$t/b" -D "$t/h" -w '%{http_code}' "${curl_args[@]}" "$@" "$base$path")
}
# A page of the site's own design (templates/layout.tpl, error.tpl), not nginx's bare one.
site_page() {	# reason, status
	grep -q '^<!doctype html>' "$t/b" && grep -q '^<html lang="en">' "$t/b" &&
	grep -q '<link rel="stylesheet" href="/static/liaison.css">' "$t/b" &&
	grep -q "^<h1>$1</h1>" "$t/b" && grep -q "HTTP status $2" "$t/b" &&
	grep -q '<footer class="site">' "$t/b" && ! grep -qi 'nginx' "$t/b"
}
header_count() { grep -ci "^$1:" "$t/h"; }
header_value() { grep -i "^$1:" "$t/h" | head -1 | sed -e "s/^[^:]*: *//" -e 's/\r$//'; }
# The security headers nginx adds to what it answers itself, each once.
nginx_headers() {
	[ "$(header_count X-Content-Type-Options)" = 1 ] && [ "$(header_value X-Content-Type-Options)" = nosniff ] &&
	[ "$(header_count Referrer-Policy)" = 1 ] && [ "$(header_value Referrer-Policy)" = same-origin ] &&
	[ "$(header_count Content-Security-Policy)" = 1 ] &&
	[ "$(header_value Content-Security-Policy)" = "default-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'" ]
}
# A program's answer: its own headers, each exactly once (nginx added none of its own).
program_headers() {
	[ "$(header_count X-Content-Type-Options)" = 1 ] && [ "$(header_count Referrer-Policy)" = 1 ] &&
	[ "$(header_count Content-Security-Policy)" = 1 ]
}
query_of() { printf 'q=%s' "$(head -c $(($1 - 2)) /dev/zero | tr '\0' a)"; }
answered() { local want=$1; shift; [ "$code" = "$want" ] && "$@"; }	# status, then a check
says() { grep -qF "$1" "$t/b"; }

nginx_checks() {	# base URL, curl args…
	base=$1; shift
	curl_args=("$@")
	local n
	# The program's limit is 32,768 bytes of query string (PARAMS_INPUT_MAX): up to it, the
	# directory; just over, the program's 400 naming the limit; far over, nginx's 414 page.
	for n in 32767 32768; do
		req "/list?$(query_of $n)"
		check "a query of $n bytes reaches the program: the directory" answered 200 says 'Accra Central Library'
	done
	for n in 32769 33000 33792; do
		req "/list?$(query_of $n)"
		check "a query of $n bytes gets the program's 400 naming the limit" \
			answered 400 says "The request is too long ($n bytes; at most 32768 are accepted)"
	done
	for n in 65536 102400; do
		req "/list?$(query_of $n)"
		check "a query of $n bytes gets a 414 page of the site's design" answered 414 site_page 'URI Too Long' 414
		check "the 414 page carries the security headers" nginx_headers
	done

	req /list
	check "a program's answer has each security header once (nginx adds none)" answered 200 program_headers
	req /list/99999999
	check "a program's own 404 page passes through nginx untouched (PATH_INFO reaches it)" \
		answered 404 says 'No organization with that number is listed'
	req '/staff/queue?page=2'
	check "a staff page sends to sign-in and back (REQUEST_URI reaches the program)" \
		bash -c "[ $code = 303 ] && grep -qi '^Location: .*/staff/sign-in?next=/staff/queue%3Fpage%3D2' '$t/h'"
	req /static/liaison.css
	check "the stylesheet, served by nginx, carries the security headers" answered 200 nginx_headers
	req /
	check "/ sends to /list, with the security headers" answered 302 nginx_headers
	req /no-such-address
	check "an unknown address gets a 404 page of the site's design" answered 404 site_page 'Not Found' 404
	check "the 404 page carries the security headers" nginx_headers
	req /static/no-such-file.css
	check "a missing static file gets the same 404 page" answered 404 site_page 'Not Found' 404
	head -c $((2 * 1024 * 1024)) /dev/zero | tr '\0' a > "$t/big"
	req /apply -X POST -H 'Content-Type: application/x-www-form-urlencoded' --data-binary @"$t/big"
	check "a body over 1 MB gets a 413 page of the site's design" answered 413 site_page 'Content Too Large' 413
	check "the 413 page carries the security headers" nginx_headers
	req /list -H "Cookie: big=$(head -c 45000 /dev/zero | tr '\0' a)"
	check "a header over 40 kB gets a 400 page of the site's design" answered 400 site_page 'Bad Request' 400
}

# A program that is down: nginx's 502, as a page of the site's design with the headers.
down_checks() {	# path of a program that was just stopped
	req "$1"
	check "a program that is down gets a 502 page of the site's design" answered 502 site_page 'Bad Gateway' 502
	check "the 502 page carries the security headers" nginx_headers
}
