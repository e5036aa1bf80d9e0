#!/bin/sh
# check.cgi: what keeps Liaison's programs from running on this host, in words. A shell script,
# so that it runs where the programs cannot: it looks at each program's mode and checksum (an
# FTP upload leaves files 644; a text-mode transfer damages them), at who the programs run as
# (suEXEC) and at the database's folder, and changes nothing. POSIX sh and POSIX tools only,
# and no carriage return in it, so a text-mode upload from Windows leaves it whole.
cd "$(dirname "$0")/.." || exit 1
root=$(pwd)
esc() { printf '%s' "$1" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g'; }
say() {	# class ("ok" or "bad"), HTML text (already escaped)
	printf '<li class="%s">%s</li>\n' "$1" "$2"
}
# The mode's permission letters (ls -ld): rwxr-xr-x.
perms() { ls -ld "$1" 2>/dev/null | cut -c2-10; }
owner() { ls -lnd "$1" 2>/dev/null | awk '{print $3}'; }

printf 'Status: 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\n\r\n'
cat <<'HEAD'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<title>Liaison: checking this host</title>
<style>body{font-family:sans-serif;max-width:48em;margin:2em auto;line-height:1.4}
.bad{color:#a00}.ok{color:#060}code{background:#eee}</style></head><body>
<h1>Liaison: checking this host</h1>
HEAD
# The account's folder: the first above the public folder that is not itself public (as
# src/base/hosting.c finds it). Paths are shown from there, never with the server's path to
# the account (its username), since anyone may open this page.
account=
if [ -n "${DOCUMENT_ROOT:-}" ]; then
	account=$(cd "$DOCUMENT_ROOT/.." 2>/dev/null && pwd)
	while [ -n "$account" ] && [ "$account" != / ]; do
		case ${account##*/} in public_html|httpdocs|htdocs|private_html) ;;
		*) [ -e "$account/.htaccess" ] || [ -e "$account/index.html" ] || [ -e "$account/index.htm" ] || [ -e "$account/index.php" ] || break ;;
		esac
		account=$(dirname "$account")
	done
fi
shown() { case ${account:-//}:$1 in //:*) esc "$1" ;; *:"$account"/*) esc "${1#"$account"/}" ;; *) esc "$1" ;; esac; }
echo "<p>The bundle is in <code>$(shown "$root")</code> (from your account's top folder).</p><h2>The programs</h2><ul>"

# --- each program: there, executable, not writable by others, and the bytes the bundle had ---------
if [ ! -r bin/checksums ]; then
	say bad "The file <code>bin/checksums</code> is missing: upload the whole bundle again."
else
	tr -d '\r' < bin/checksums | while read -r sum size file; do
		f=$(esc "$file")
		if [ ! -f "$file" ]; then
			say bad "<code>$f</code> is missing: upload it again (in binary mode)."
			continue
		fi
		set -- $(cksum < "$file")
		why=
		[ "$file" = bin/liaison-admin ] && why=", so the nightly backup fails (saying so)"
		if [ "$2" != "$size" ]; then
			say bad "<code>$f</code> was damaged in the upload ($2 bytes, not $size): an FTP program sent it as text$why. Upload it again in binary mode (FileZilla: menu Transfer, Transfer type, Binary), or upload the .tar.gz and Extract it in the file manager."
		elif [ "$1" != "$sum" ]; then
			say bad "<code>$f</code> is not the file the bundle had (its checksum differs): upload it again in binary mode."
		elif [ ! -x "$file" ] && [ "$file" = bin/liaison-admin ]; then
			say ok "<code>$f</code> is whole. It is not executable ($(perms "$file")), which is fine: the nightly cron line runs it through <code>sh bin/admin.sh backup --quiet</code>, which checks it and makes it executable."
		elif [ ! -x "$file" ]; then
			say bad "<code>$f</code> is not executable ($(perms "$file")): set its permissions to 755 in the file manager or FTP program."
		else
			case $(perms "$file") in
			????w????|???????w?) say bad "<code>$f</code> is writable by others ($(perms "$file")): suEXEC refuses to run it. Set it to 755." ;;
			*) say ok "<code>$f</code> is whole and executable." ;;
			esac
		fi
	done
fi
for d in "$root" "$root/cgi-bin"; do
	case $(perms "$d") in
	????w????|???????w?) say bad "The folder <code>$(shown "$d")</code> is writable by others ($(perms "$d")): suEXEC refuses to run programs in it. Set it to 755." ;;
	esac
done
echo "</ul><h2>Who the programs run as</h2><ul>"

# --- suEXEC: the programs must run as the account that owns the files ------------------------------
me=$(id -u) mine=$(owner cgi-bin/check.cgi)
suexec=no
if [ "$me" = "$mine" ]; then
	suexec=yes
	say ok "The programs run as your account, which owns the files: the host uses suEXEC (or the like), as Liaison needs."
else
	say bad "The programs run as $(esc "$(id -un 2>/dev/null || echo "user $me")"), not as the account that owns the files (user number $(esc "$mine")): this host runs CGI programs without suEXEC. Liaison's data folder must then be writable by the web server's user, which every other site on the host shares, so their programs could read it too: ask your host to turn on suEXEC for your account (on cPanel, Plesk and most shared hosts it is the default), or use another host."
fi
echo "</ul><h2>The database's folder</h2><ul>"

# --- the data folder: LIAISON_DB in liaison.conf, else liaison-data beside the public folder -------
db=$(tr -d '\r' < liaison.conf 2>/dev/null | sed -n 's/^[[:space:]]*LIAISON_DB[[:space:]]*=[[:space:]]*//p' | sed 's/[[:space:]]*$//' | tail -1)
if [ -z "$db" ] && [ -n "${DOCUMENT_ROOT:-}" ]; then
	# As the first visit chooses it: liaison-data for the main public folder, else liaison-data-NAME.
	name=liaison-data
	top=${DOCUMENT_ROOT%/}
	if [ "$(cd "$top/.." 2>/dev/null && pwd)" != "$account" ]; then name=liaison-data-${top##*/}; fi
	case ${top##*/} in public_html|httpdocs|htdocs|www|html|web|public) ;; *) name=liaison-data-${top##*/} ;; esac
	db=$account/$name/liaison.db
fi
if [ -z "$db" ]; then
	say bad "The web server did not say where the public folder is (DOCUMENT_ROOT): name the database's place with <code>LIAISON_DB = /full/path/liaison.db</code> in <code>liaison.conf</code>."
else
	folder=$(dirname "$db")
	case $db in "$root"/*|"${DOCUMENT_ROOT:-/nonexistent}"/*)
		say bad "<code>$(shown "$db")</code> (LIAISON_DB) is inside the public folder, where a web address could reach it: choose a place outside it." ;;
	esac
	if [ -f "$db" ] && [ -w "$db" ] && [ -w "$folder" ]; then
		say ok "The database <code>$(shown "$db")</code> is there, and the programs can write to it."
	elif [ -d "$folder" ] && [ -w "$folder" ]; then
		say ok "The folder <code>$(shown "$folder")</code> is there and the programs can write to it: the first visit makes the database in it."
	elif [ "$suexec" = no ]; then
		say bad "The programs cannot make or write to <code>$(shown "$folder")</code>. Without suEXEC they run as the web server's user: best, ask your host to turn suEXEC on for your account. Otherwise make that folder yourself in the file manager with permissions 777; the web server's user (and so every site's programs on this host) can then write in it. Liaison then leaves its files readable and writable by your account, so your cron backup still works."
	elif [ -d "$folder" ]; then
		say bad "The programs cannot write to <code>$(shown "$folder")</code> ($(perms "$folder"), owned by user number $(owner "$folder")): in the file manager, give it permissions 700 and make sure it is your account's own folder."
	elif [ -w "$(dirname "$folder")" ]; then
		say ok "The first visit makes the folder <code>$(shown "$folder")</code> for the database."
	else
		say bad "The programs cannot make <code>$(shown "$folder")</code>: its parent folder is not writable by them. Make the folder yourself in the file manager with permissions 700, or name another place outside the public folder with <code>LIAISON_DB = /full/path/liaison.db</code> in <code>liaison.conf</code>."
	fi
fi
echo "</ul>"
echo "<p>If every line above is green and pages still fail, the host's error log says more; INSTALL.md, \"On shared hosting (Apache)\", lists what the host must allow.</p></body></html>"
