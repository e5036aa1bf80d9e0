#!/usr/bin/env bash
# Hosts built the way hosting companies build them, for tests/apache/hosts.test.mjs: one Apache
# (prefork, mod_cgi, mod_rewrite, mod_alias) started once, with one virtual host per shape on
# ports BASE, BASE+1, …, each serving its own account DIR/NAME (public folder DIR/NAME/www, the
# bundle in www/library/partners, the data folder DIR/NAME/liaison-data):
#
#   strict     AllowOverride FileInfo Options=ExecCGI,Indexes AuthConfig Indexes (the least the
#              bundle needs), Options SymLinksIfOwnerMatch (mod_rewrite needs it; hosts set it)
#   limit      AllowOverride FileInfo Options=ExecCGI,Indexes AuthConfig Limit (no Indexes)
#   userdir    Debian's stock /~user/: AllowOverride FileInfo AuthConfig Limit Indexes, Options
#              MultiViews Indexes SymLinksIfOwnerMatch IncludesNoExec (no Options override, no CGI)
#   none       AllowOverride None: .htaccess is not read at all
#   ftp        strict, uploaded by FTP: every file 644, every folder 755, as FileZilla leaves them
#   ftpdone    ftp, then INSTALL.md's one chmod: the files in cgi-bin/ 755 (bin/ stays 644)
#   textmode   ftpdone, but list.fcgi and bin/liaison-admin were sent as text from Windows
#              (every CR LF became LF)
#   nosuexec   strict, but the files belong to another account (daemon) than the one Apache
#              runs the programs as (no suEXEC), so the account's folder is not writable by it
#   subin      a subdomain served from a folder inside the account's public folder:
#              DocumentRoot www/sub (www holds the main site's index.html), bundle in
#              www/sub/library/partners
#   subhome    the account's main site (DocumentRoot www) with Liaison, and
#   subhome2   a subdomain of the same account served from a folder beside www: DocumentRoot
#              sub, a second Liaison in sub/library/partners (cPanel's and Plesk's newer layout)
#   book, bookftp, bookmove
#              strict, with nothing installed yet: the account's public folder is public_html
#              (DocumentRoot) holding an empty library/, for tests/apache/install.test.mjs to
#              follow INSTALL.md's steps in (Extract, FTP, moving to a second account)
#
# As root, Apache runs as nobody, who owns every account but nosuexec's, as suEXEC would run
# each account's programs as the account. Prints "NAME PORT" for each.
#
# And, as root where Debian's apache2-suexec-pristine is installed, a second Apache built as
# hosting companies build theirs, with real suEXEC:
#
#   suexec     a system account lsxPORT (uid >= suEXEC's AP_UID_MIN, home /home/lsxPORT, made
#              here and removed by --stop), the bundle extracted as that account in
#              ~/public_html/partners and served at /~lsxPORT/partners/ (mod_userdir, strict
#              AllowOverride); Apache's children run as www-data, the one caller suEXEC obeys,
#              and mod_suexec runs every program (mod_fcgid for *.fcgi, mod_cgi for check.cgi)
#              as the account. suEXEC logs each run to its AP_LOG_EXEC.
#
#   tests/apache-hosts.sh DIR BASEPORT BUNDLE.tar.gz      stop: tests/apache-hosts.sh --stop DIR
set -euo pipefail
if [ "$1" = --stop ]; then	# both servers, then the suexec account and its home
	for pid in "$2/run/httpd.pid" "$2/suexec-server/run/httpd.pid"; do
		[ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null
	done
	sleep 0.5
	if [ -f "$2/suexec-server/user" ]; then
		user=$(cat "$2/suexec-server/user")
		# Apache ends the programs mod_fcgid kept running as the account; then the account goes.
		for _ in $(seq 50); do pgrep -u "$user" >/dev/null || break; sleep 0.1; done
		userdel -r "$user" 2>/dev/null || userdel -r -f "$user" 2>/dev/null
	fi
	exit 0
fi
dir=$1 base=$2 bundle=$3
modules=/usr/lib/apache2/modules
hosts=(strict limit userdir none ftp ftpdone textmode nosuexec subin subhome subhome2 book bookftp bookmove)
strict='FileInfo Options=ExecCGI,Indexes AuthConfig Indexes'
mkdir -p "$dir/run" "$dir/logs"
chmod 755 "$dir"

# As an FTP program leaves an upload: files 644, folders 755, hard links lost.
ftp_modes() { find "$1" -type d -exec chmod 755 {} + && find "$1" -type f -exec chmod 644 {} +; }
# A text-mode transfer from Windows: the server turns every CR LF into LF.
text_mode() { perl -0777 -pi -e 's/\r\n/\n/g' "$1"; }

{
	echo "ServerRoot $dir"
	echo "ServerName 127.0.0.1"
	echo "PidFile $dir/run/httpd.pid"
	echo "ErrorLog $dir/logs/error.log"
	echo "LogLevel warn"
	echo "LoadModule mpm_prefork_module $modules/mod_mpm_prefork.so"
	for m in authz_core mime dir alias rewrite cgi; do echo "LoadModule ${m}_module $modules/mod_$m.so"; done
	if [ "$(id -u)" = 0 ]; then echo "User nobody"; echo "Group nogroup"; fi
	echo "TypesConfig /etc/mime.types"
	echo "StartServers 2"
	echo "MaxRequestWorkers 16"
	echo "<Directory />"
	echo "  AllowOverride None"
	echo "  Require all denied"
	echo "</Directory>"
} > "$dir/httpd.conf"
port=$base
for h in "${hosts[@]}"; do
	account=$dir/$h w=$dir/$h/www
	case $h in
	subin) w=$account/www/sub ;;
	subhome2) account=$dir/subhome w=$account/sub ;;
	book*) w=$account/public_html ;;
	esac
	mkdir -p "$w/library"
	chmod 755 "$account"
	# The main site's own page, as the account's public folder has one.
	pub=$account/www
	case $h in book*) pub=$account/public_html ;; esac
	[ -e "$pub/index.html" ] || { mkdir -p "$pub"; echo "<p>The library's own site.</p>" > "$pub/index.html"; }
	p=$w/library/partners
	case $h in
	book*) ;;
	*)	tar -C "$w/library" -xzf "$bundle"
		mv "$w/library"/liaison-*-linux-x86_64 "$p"
		echo "LIAISON_APPLY_MIN_SECONDS = 1" >> "$p/liaison.conf" ;;
	esac
	override=$strict options=SymLinksIfOwnerMatch
	case $h in
	limit) override='FileInfo Options=ExecCGI,Indexes AuthConfig Limit' ;;
	userdir) override='FileInfo AuthConfig Limit Indexes' options='MultiViews Indexes SymLinksIfOwnerMatch IncludesNoExec' ;;
	none) override=None options='Indexes FollowSymLinks' ;;
	ftp) ftp_modes "$p" ;;
	ftpdone) ftp_modes "$p"; chmod 755 "$p"/cgi-bin/* ;;
	textmode) ftp_modes "$p"; chmod 755 "$p"/cgi-bin/*; text_mode "$p/cgi-bin/list.fcgi"; text_mode "$p/bin/liaison-admin" ;;
	esac
	{
		echo "Listen 127.0.0.1:$port"
		echo "<VirtualHost 127.0.0.1:$port>"
		echo "  DocumentRoot $w"
		echo "  <Directory $w>"
		echo "    AllowOverride $override"
		echo "    Options $options"
		echo "    Require all granted"
		echo "  </Directory>"
		echo "</VirtualHost>"
	} >> "$dir/httpd.conf"
	if [ "$(id -u)" = 0 ]; then
		if [ "$h" = nosuexec ]; then chown -R daemon:daemon "$account"; else chown -R nobody:nogroup "$account"; fi
	fi
	echo "$h $port"
	port=$((port + 1))
done
[ "$(id -u)" = 0 ] && chown nobody:nogroup "$dir/run" "$dir/logs"
/usr/sbin/apache2 -f "$dir/httpd.conf" -k start
ready() {	# URL: Apache serves it within 5 s, else its error log and failure
	for _ in $(seq 50); do
		curl -sf -o /dev/null "$1" && return 0
		sleep 0.1
	done
	echo "Apache for $2 did not start:" >&2
	cat "$2/logs/error.log" >&2
	return 1
}
ready "http://127.0.0.1:$base/library/partners/htdocs/liaison.css" "$dir"
[ "$(id -u)" = 0 ] && [ -x /usr/lib/apache2/suexec ] || exit 0

# The suexec host. The account's name carries the port, so that two runs at once do not share it.
suexec=/usr/lib/apache2/suexec
user=lsx$port srv=$dir/suexec-server
uid_min=$("$suexec" -V 2>&1 | sed -n 's/.*AP_UID_MIN=\([0-9]*\).*/\1/p')
userdir=$("$suexec" -V 2>&1 | sed -n 's/.*AP_USERDIR_SUFFIX="\(.*\)".*/\1/p')
mkdir -p "$srv/run" "$srv/logs" "$srv/www"
echo "$user" > "$srv/user"
if ! id "$user" >/dev/null 2>&1; then
	useradd --create-home --home-dir "/home/$user" --shell /bin/sh --user-group \
		--key UID_MIN="$(( uid_min > 1000 ? uid_min : 1000 ))" "$user"
fi
home=/home/$user
# As hosts make a home: the account's alone, but the web server may pass through it to public_html.
chmod 711 "$home"
as_user() { setpriv --reuid="$user" --regid="$user" --init-groups "$@"; }
rm -rf "${home:?}/$userdir" "$home/liaison-data"
as_user sh -c "umask 022 && mkdir -p '$home/$userdir' && tar -C '$home/$userdir' -xzf '$bundle' &&
	mv '$home/$userdir'/liaison-*-linux-x86_64 '$home/$userdir/partners' &&
	echo 'LIAISON_APPLY_MIN_SECONDS = 1' >> '$home/$userdir/partners/liaison.conf' &&
	echo '<p>The library account own page.</p>' > '$home/$userdir/index.html'"
{
	echo "ServerRoot $srv"
	echo "ServerName 127.0.0.1"
	echo "PidFile $srv/run/httpd.pid"
	echo "ErrorLog $srv/logs/error.log"
	echo "LogLevel warn"
	echo "LoadModule mpm_prefork_module $modules/mod_mpm_prefork.so"
	for m in authz_core mime dir alias rewrite cgi fcgid userdir suexec; do echo "LoadModule ${m}_module $modules/mod_$m.so"; done
	echo "User www-data"
	echo "Group www-data"
	echo "TypesConfig /etc/mime.types"
	echo "StartServers 2"
	echo "MaxRequestWorkers 16"
	echo "FcgidIPCDir $srv/run/fcgid"
	echo "FcgidProcessTableFile $srv/run/fcgid-shm"
	echo "Listen 127.0.0.1:$port"
	echo "DocumentRoot $srv/www"
	echo "UserDir $userdir"
	echo "UserDir disabled"
	echo "UserDir enabled $user"
	echo "<Directory />"
	echo "  AllowOverride None"
	echo "  Require all denied"
	echo "</Directory>"
	echo "<Directory $home/$userdir>"
	echo "  AllowOverride $strict"
	echo "  Options SymLinksIfOwnerMatch"
	echo "  Require all granted"
	echo "</Directory>"
} > "$srv/httpd.conf"
chown www-data:www-data "$srv/run" "$srv/logs"
/usr/sbin/apache2 -f "$srv/httpd.conf" -k start
ready "http://127.0.0.1:$port/~$user/partners/htdocs/liaison.css" "$srv"
echo "suexec $port"
