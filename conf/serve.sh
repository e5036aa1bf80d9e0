#!/usr/bin/env bash
# Serves Liaison on 127.0.0.1 with real nginx and spawn-fcgi until Ctrl-C (or SIGTERM), then
# stops every process it started. Used by `make run` (port 8080), the HTTP and browser tests
# (a free port, a fresh database), tests/serve.sh and the benchmarks.
#
#   conf/serve.sh --port N --bin BUILD_DIR --db DB [--dir RUN_DIR] [--children N]
#                 [--writer-children N] [--user NAME] [--trust-front ADDR] [--quiet]
#
# The programs that write (apply, staff, partnerships, import) run as one process each by
# default: SQLite takes one writer at a time anyway, and a second process only adds lock waits
# and a cold page cache after each of the other's commits (bench/README.md: 616 applications/s with one, 406 with two).
# The programs that only read run --children processes (2).
#
# Each program's processes are watched by Debian's multiwatch (under spawn-fcgi -n): one that
# dies, even by kill -9, is started again at once, and a line says so ("apply: restarted a
# stopped process"). spawn-fcgi alone starts them once and never again. The listening socket
# stays open meanwhile, so nginx's requests wait for the new process rather than fail.
#
# Started as root, nothing that serves runs as root: nginx's workers and the programs run as
# --user (www-data), the database, its folder and the run folder's temp files are handed to
# that user, and the templates, stylesheet and programs must be readable by it (a checkout
# under a home folder of mode 700 is not: serve.sh says so and stops). The run folder
# (default var/run/PORT, as root /run/liaison-dev/PORT) stays root's.
#
# FastCGI sockets are unix sockets of mode 0600 owned by the user nginx's workers run as: a
# peer that can write to the socket can crash libfcgi (CVE-2025-23016), so no one else may.
#
# --trust-front ADDR: a cache front (conf/nginx/cache-front.conf) stands before this site and
# connects from ADDR: conf/nginx/behind-cache-front.conf is included, so the programs see the
# client's address it passes, and nobody else's X-Forwarded-For (the tests' front, issue 22).
#
# Only requests for 127.0.0.1, localhost or [::1] (with the port) are served; any other Host
# gets 421 (conf/nginx/common.conf has the rest: limits, error pages, security headers).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
port=8080 bin=$here/build db=$here/var/liaison.db dir= children=2 writer_children=1 quiet=0 user=www-data front=
while [ $# -gt 0 ]; do
	case $1 in
	--port) port=$2; shift 2 ;;
	--bin) bin=$(cd "$2" && pwd); shift 2 ;;
	--db) db=$2; shift 2 ;;
	--dir) dir=$2; shift 2 ;;
	--children) children=$2; shift 2 ;;
	--writer-children) writer_children=$2; shift 2 ;;
	--user) user=$2; shift 2 ;;
	--trust-front) front=$2; shift 2 ;;
	--quiet) quiet=1; shift ;;
	*) echo "serve.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
# The run folder holds nginx's configuration, which root writes and root's nginx reads: as
# root it must not be inside the database's folder (var/), which is handed to --user.
if [ -z "$dir" ]; then
	dir=$here/var/run/$port
	[ "$(id -u)" = 0 ] && dir=/run/liaison-dev/$port
fi
[ -f "$db" ] || { echo "serve.sh: no database at $db (run: make db)" >&2; exit 1; }
db=$(cd "$(dirname "$db")" && pwd)/$(basename "$db")
command -v nginx >/dev/null || PATH=$PATH:/usr/sbin
for tool in spawn-fcgi multiwatch; do
	command -v $tool >/dev/null || { echo "serve.sh: $tool is missing (run: make deps)" >&2; exit 1; }
done
programs=$(cd "$bin/cgi-bin" && ls | grep -v '\.o$')

# A previous run killed with -9 may have left processes and sockets: clear them first.
# Each pid file names a multiwatch, which passes SIGTERM on to its programs and waits for
# them; each program finishes its request and exits (sanitizer builds write their leak
# reports then). Whatever still runs after 5 s is killed, programs included.
stop_all() {
	local pids= kids= alive=
	for p in "$dir"/*.pid; do
		[ -f "$p" ] || continue
		[ "$(basename "$p")" = nginx.pid ] && continue
		pid=$(cat "$p")
		pids+=" $pid"
		kids+=" $(pgrep -P "$pid" | tr '\n' ' ' || true)"
		rm -f "$p"
	done
	[ -n "${pids// }" ] && kill $pids 2>/dev/null || true
	for i in $(seq 50); do
		alive=
		for pid in $pids $kids; do kill -0 "$pid" 2>/dev/null && alive+=" $pid"; done
		[ -z "$alive" ] && break
		sleep 0.1
	done
	[ -n "$alive" ] && kill -9 $alive 2>/dev/null || true
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

# As root: who serves, and can they reach what they need?
ids=() user_line=
if [ "$(id -u)" = 0 ]; then
	id "$user" >/dev/null 2>&1 || { echo "serve.sh: no user $user (choose one with --user NAME)" >&2; exit 1; }
	group=$(id -gn "$user")
	as_user() { runuser -u "$user" -- "$@"; }
	blocked() {	# path: says which folder keeps $user from it, and stops
		local d= part closed=
		local IFS=/
		for part in $1; do
			[ -n "$part" ] || continue
			d=$d/$part
			if [ -d "$d" ] && ! as_user test -x "$d"; then closed=$d; break; fi
		done
		echo "serve.sh: the programs and nginx run as $user, who cannot reach $1" >&2
		[ -n "$closed" ] && echo "  ($closed is mode $(stat -c %a "$closed"), closed to others)." >&2
		echo "  Put the checkout and the database where others may read (for example under /srv or" >&2
		echo "  /usr/local/src), or run it as an ordinary user." >&2
		exit 1
	}
	as_user test -x "$bin/cgi-bin/list" || blocked "$bin/cgi-bin/list"
	as_user test -r "$here/templates/layout.tpl" || blocked "$here/templates/layout.tpl"
	as_user test -r "$here/htdocs/liaison.css" || blocked "$here/htdocs/liaison.css"
	as_user test -x "$dir" || blocked "$dir"
	as_user test -w "$(dirname "$dir")" && echo "serve.sh: warning: $user may change $(dirname "$dir")," \
		"which holds the run folder root writes nginx's configuration in; choose a --dir elsewhere" >&2
	# The database and its folder become the user's: SQLite makes -wal, -shm and journal files
	# beside the database, and the setup page its token file. Never a shared system folder.
	dbdir=$(dirname "$db")
	case $dbdir in /|/tmp|/var|/var/tmp|/var/lib|/usr|/usr/local|/etc|/home|/root|/srv|/opt|/run)
		echo "serve.sh: $dbdir is a shared folder; give the database one of its own (it is handed to $user)" >&2
		exit 1 ;;
	esac
	chown "$user:$group" "$dbdir" "$db"
	for f in "$db-wal" "$db-shm" "$db-journal" "$db-wal-owner"; do [ -e "$f" ] && chown "$user:$group" "$f"; done
	as_user test -w "$db" || blocked "$db"
	chown "$user:$group" "$dir/tmp"
	ids=(-u "$user" -g "$group" -U "$user" -G "$group")
	user_line="user $user $group;"
fi

export LIAISON_DB=$db LIAISON_TEMPLATES=$here/templates LIAISON_STATIC_URL=/static
export LIAISON_SITE_NAME=${LIAISON_SITE_NAME:-Libraries Seeking Partners}
"$here/conf/errorpages.sh" "$dir" "$LIAISON_SITE_NAME" "127.0.0.1:$port, localhost:$port and [::1]:$port"

# multiwatch's lines (and the programs' own stderr), named after the program, with the time.
log_lines() {
	local line
	while IFS= read -r line; do
		case $line in
		"Child["*"] died, respawn" | "Spawning child["*"] failed, next try")
			line="restarted a stopped process (multiwatch: $line)" ;;
		"Child["*"] died to often, not forking again")
			line="a process stopped over and over; not restarted again: restart the server (multiwatch: $line)" ;;
		esac
		printf '%(%H:%M:%S)T %s: %s\n' -1 "$1" "$line" >&2
	done
}

locations=
for p in $programs; do
	n=$children
	case $p in apply|staff|partnerships|import) n=$writer_children ;; esac
	# -t 1000: a process that ran for a second or more is always restarted; only one that
	# dies within a second of starting, four times over, is given up on.
	# The pid file names multiwatch (the subshell becomes spawn-fcgi, then multiwatch). Its
	# stderr goes through a pipe to log_lines, which is kept out of multiwatch's children.
	( echo "$BASHPID" > "$dir/$p.pid"
	  exec spawn-fcgi -n -s "$dir/$p.sock" -M 0600 "${ids[@]}" -- \
		"$(command -v multiwatch)" -f "$n" -s TERM -t 1000 -- "$bin/cgi-bin/$p" 2>&1 >/dev/null
	) | log_lines "$p" &
	# A named capture: the regex map of fastcgi_params.liaison would reset \$1 before its use.
	locations+="
    location ~ ^/$p(?<liaison_path_info>/.*)?\$ {
      include $here/conf/fastcgi_params.liaison;
      fastcgi_param SCRIPT_NAME /$p;
      fastcgi_param PATH_INFO \$liaison_path_info;
      fastcgi_pass unix:$dir/$p.sock;
    }"
done
# The About page is the list program's (cgi-bin/list.c), at the site's top.
locations+="
    location = /about {
      include $here/conf/fastcgi_params.liaison;
      fastcgi_param SCRIPT_NAME /list;
      fastcgi_param PATH_INFO /about;
      fastcgi_pass unix:$dir/list.sock;
    }"

access="access_log $dir/logs/access.log;"
behind=
if [ -n "$front" ]; then
	sed "s|@FRONT@|$front|" "$here/conf/nginx/behind-cache-front.conf" > "$dir/behind-cache-front.conf"
	behind="include $dir/behind-cache-front.conf;"
fi
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
  include $here/conf/nginx/maps.conf;
  client_body_temp_path $dir/tmp; proxy_temp_path $dir/tmp; fastcgi_temp_path $dir/tmp;
  uwsgi_temp_path $dir/tmp; scgi_temp_path $dir/tmp;
  # A directory page is 20-60 kB; the default 8 x 4 kB would spill each one to a temp file.
  fastcgi_buffer_size 16k;
  fastcgi_buffers 16 16k;
  # The application form is 77 kB of choices; compressed it is 15 kB, which a phone feels.
  gzip on;
  gzip_min_length 1024;
  gzip_types text/css text/csv image/svg+xml;
  # Any other Host, or none: 421 and a page naming the addresses served. nginx reads every
  # request line with this server's settings, so an over-long one gets its 414 page here.
  server {
    listen 127.0.0.1:$port default_server;
    include $here/conf/nginx/common.conf;
    location ^~ /liaison-errors/ { internal; root $dir; }
    location / { return 421; }
  }
  server {
    listen 127.0.0.1:$port;
    server_name 127.0.0.1 localhost [::1];
    include $here/conf/nginx/common.conf;
    $behind
    location ^~ /liaison-errors/ { internal; root $dir; }
    location = / { return 302 /list; }
    location /static/ { alias $here/htdocs/; expires 1h; }
    location / { return 404; }
$locations
  }
}
CONF

nginx -p "$dir" -c "$dir/nginx.conf" &
nginx_pid=$!
cleanup() { stop_all; kill $nginx_pid 2>/dev/null || true; wait $nginx_pid 2>/dev/null || true; }
trap cleanup EXIT
trap 'exit 0' INT TERM
for i in $(seq 50); do
	(exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break
	# nginx gives up when it cannot listen (the port taken meanwhile): so does serve.sh.
	kill -0 $nginx_pid 2>/dev/null || { echo "serve.sh: nginx did not start (its reason is above)" >&2; exit 1; }
	sleep 0.1
done
echo "Liaison is serving http://127.0.0.1:$port/list  (database $db; Ctrl-C stops it)"
[ -n "$user_line" ] && echo "(nginx's workers and the programs run as $user; nginx's logs are in $dir/logs)"
wait $nginx_pid
