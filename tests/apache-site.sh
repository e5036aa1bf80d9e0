#!/usr/bin/env bash
# A shared host's site on loopback, for tests/apache.sh and bench/apache.sh: unpacks the upload
# bundle into DIR/www/library/partners (DIR/www is the public folder, as public_html is), writes
# an Apache configuration that allows .htaccess files there (AllowOverride All) and nothing
# Liaison-specific anywhere else, and starts Apache (prefork) on 127.0.0.1:PORT with the given
# modules. As root, Apache runs the programs as nobody, who owns DIR, as a hosting account does.
# Stop it with: kill "$(cat DIR/run/httpd.pid)"
#
#   tests/apache-site.sh DIR PORT BUNDLE.tar.gz [MODULE ...]     e.g. … rewrite fcgid cgi
set -euo pipefail
dir=$1 port=$2 bundle=$3; shift 3
modules=/usr/lib/apache2/modules
mkdir -p "$dir/www/library" "$dir/run" "$dir/logs"
chmod 755 "$dir"
tar -C "$dir/www/library" -xzf "$bundle"
mv "$dir/www/library"/liaison-*-linux-x86_64 "$dir/www/library/partners"
echo "<p>The library's own site.</p>" > "$dir/www/index.html"
{
	echo "ServerRoot $dir"
	echo "Listen 127.0.0.1:$port"
	echo "ServerName 127.0.0.1"
	echo "PidFile $dir/run/httpd.pid"
	echo "ErrorLog $dir/logs/error.log"
	echo "LogLevel warn"
	echo "LoadModule mpm_prefork_module $modules/mod_mpm_prefork.so"
	for m in authz_core mime dir "$@"; do echo "LoadModule ${m}_module $modules/mod_$m.so"; done
	if [ "$(id -u)" = 0 ]; then echo "User nobody"; echo "Group nogroup"; fi
	echo "TypesConfig /etc/mime.types"
	echo "StartServers 2"
	echo "MaxRequestWorkers 16"
	echo "DocumentRoot $dir/www"
	echo "<Directory />"
	echo "  AllowOverride None"
	echo "  Require all denied"
	echo "</Directory>"
	echo "<Directory $dir/www>"
	echo "  AllowOverride All"
	echo "  Require all granted"
	echo "</Directory>"
	if [[ " $* " == *" fcgid "* ]]; then
		echo "FcgidIPCDir $dir/run/fcgid"
		echo "FcgidProcessTableFile $dir/run/fcgid-shm"
	fi
} > "$dir/httpd.conf"
[ "$(id -u)" = 0 ] && chown -R nobody:nogroup "$dir"
/usr/sbin/apache2 -f "$dir/httpd.conf" -k start
# Ready when it serves a file; no program has run yet, so liaison.conf may still be edited.
for _ in $(seq 50); do
	curl -sf -o /dev/null "http://127.0.0.1:$port/library/partners/htdocs/liaison.css" && exit 0
	sleep 0.1
done
echo "Apache for $dir did not start:" >&2
cat "$dir/logs/error.log" >&2
exit 1
