#!/usr/bin/env bash
# Serves Liaison on 127.0.0.1 with real nginx and spawn-fcgi until Ctrl-C (or SIGTERM), then
# stops every process it started. Used by `make run` (port 8080), the HTTP and browser tests
# (a free port, a fresh database) and the benchmarks.
#
#   conf/serve.sh --port N --bin BUILD_DIR --db DB [--dir RUN_DIR] [--children N]
#                 [--writer-children N] [--quiet]
#                 [--cgi]   (serve the programs as plain CGI through fcgiwrap instead)
#
# The programs that write (apply, staff, partnerships, import) run as one process each by
# default: SQLite takes one writer at a time anyway, and a second process only adds lock waits
# and a cold page cache after each of the other's commits (bench/README.md: 616 applications/s with one, 406 with two).
# The programs that only read run --children processes (2).
#
# FastCGI sockets are unix sockets of mode 0600 owned by the user nginx's workers run as: a
# peer that can write to the socket can crash libfcgi (CVE-2025-23016), so no one else may.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
port=8080 bin=$here/build db=$here/var/liaison.db dir= children=2 writer_children=1 quiet=0
while [ $# -gt 0 ]; do
	case $1 in
	--port) port=$2; shift 2 ;;
	--bin) bin=$(cd "$2" && pwd); shift 2 ;;
	--db) db=$2; shift 2 ;;
	--dir) dir=$2; shift 2 ;;
	--children) children=$2; shift 2 ;;
	--writer-children) writer_children=$2; shift 2 ;;
	--quiet) quiet=1; shift ;;
	*) echo "serve.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
dir=${dir:-$here/var/run/$port}
[ -f "$db" ] || { echo "serve.sh: no database at $db (run: make db)" >&2; exit 1; }
command -v nginx >/dev/null || PATH=$PATH:/usr/sbin
programs=$(cd "$bin/cgi-bin" && ls | grep -v '\.o$')

# A previous run killed with -9 may have left processes and sockets: clear them first.
# Each program finishes its request and exits on SIGTERM (sanitizer builds write their leak
# reports then); one still running after 5 s is killed.
stop_all() {
	local pids=
	for p in "$dir"/*.pid; do
		[ -f "$p" ] || continue
		[ "$(basename "$p")" = nginx.pid ] && continue
		pids+=" $(cat "$p")"
		rm -f "$p"
	done
	[ -n "$pids" ] && kill $pids 2>/dev/null || true
	for i in $(seq 50); do
		alive=
		for pid in $pids; do kill -0 "$pid" 2>/dev/null && alive+=" $pid"; done
		[ -z "$alive" ] && break
		sleep 0.1
	done
	[ -n "${alive:-}" ] && kill -9 $alive 2>/dev/null || true
	rm -f "$dir"/*.sock
}
# A server still answering on the port is left alone; only then are leftovers cleared.
if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
	echo "serve.sh: something is already listening on 127.0.0.1:$port (an earlier run?)." >&2
	echo "Stop it, or choose another port: conf/serve.sh --port 8081 …" >&2
	exit 1
fi
mkdir -p "$dir/tmp" "$dir/logs"
stop_all

export LIAISON_DB=$db LIAISON_TEMPLATES=$here/templates LIAISON_STATIC_URL=/static
export LIAISON_SITE_NAME=${LIAISON_SITE_NAME:-Libraries Seeking Partners}

user_line=
if [ "$(id -u)" = 0 ]; then
	# nginx drops its workers to "nobody" when started as root, and nobody may not read a
	# checkout under /root or a 0700 temp dir. This dev server binds to loopback only; the
	# production configuration in conf/ runs workers as www-data.
	user_line="user root root;"
fi

locations=
for p in $programs; do
	n=$children
	case $p in apply|staff|partnerships|import) n=$writer_children ;; esac
	spawn-fcgi -s "$dir/$p.sock" -M 0600 -F "$n" -P "$dir/$p.pid" -- "$bin/cgi-bin/$p" >/dev/null
	locations+="
    location ~ ^/$p(/.*)?\$ {
      include $here/conf/fastcgi_params.liaison;
      fastcgi_param SCRIPT_NAME /$p;
      fastcgi_param PATH_INFO \$1;
      fastcgi_pass unix:$dir/$p.sock;
    }"
done

access="access_log $dir/logs/access.log;"
[ "$quiet" = 1 ] && access="access_log off;"
cat > "$dir/nginx.conf" <<CONF
$user_line
worker_processes 1;
daemon off;
pid $dir/nginx.pid;
error_log $dir/logs/error.log;
events { worker_connections 1024; }
http {
  $access
  include /etc/nginx/mime.types;
  client_body_temp_path $dir/tmp; proxy_temp_path $dir/tmp; fastcgi_temp_path $dir/tmp;
  uwsgi_temp_path $dir/tmp; scgi_temp_path $dir/tmp;
  # Long directory URLs reach the program, which names the parameter that is too long.
  large_client_header_buffers 4 64k;
  client_max_body_size 1m;
  # A directory page is 20-60 kB; the default 8 x 4 kB would spill each one to a temp file.
  fastcgi_buffer_size 16k;
  fastcgi_buffers 16 16k;
  server_tokens off;
  # The application form is 77 kB of choices; compressed it is 15 kB, which a phone feels.
  gzip on;
  gzip_min_length 1024;
  gzip_types text/css text/csv image/svg+xml;
  server {
    listen 127.0.0.1:$port;
    location = / { return 302 /list; }
    location /static/ { alias $here/htdocs/; expires 1h; }
$locations
  }
}
CONF

nginx -p "$dir" -c "$dir/nginx.conf" &
nginx_pid=$!
trap 'stop_all; kill $nginx_pid 2>/dev/null || true; wait $nginx_pid 2>/dev/null || true; exit 0' INT TERM EXIT
for i in $(seq 50); do
	(exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break
	sleep 0.1
done
echo "Liaison is serving http://127.0.0.1:$port/list  (database $db; Ctrl-C stops it)"
wait $nginx_pid
