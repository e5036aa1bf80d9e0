#!/bin/sh
# admin.sh: how a hosting panel's cron job runs the admin tool (INSTALL.md, "Backups and the
# admin tool without a shell"): sh .../bin/admin.sh backup --quiet, or once,
# sh .../bin/admin.sh restore FILE. A shell script, run by "sh", so that it works whatever mode
# the upload left it (an FTP program leaves every file 644) and survives a text-mode transfer
# (POSIX sh, no carriage return in it). Before it runs bin/liaison-admin with the arguments
# given, it makes sure the program is the one the bundle had: a text-mode transfer damages it,
# and then every night would end in a bare "Segmentation fault". It says nothing of its own
# when all is well (backup --quiet then prints nothing, so the panel mails only on failure);
# otherwise what went wrong and what to do, on standard error, exiting 1.
here=$(cd "$(dirname "$0")/.." && pwd) || exit 1
admin=$here/bin/liaison-admin
fail() {
	echo "Liaison's admin tool did NOT run (liaison-admin $what): $*" >&2
	exit 1
}
# bin/checksums' line for the admin tool, "SUM SIZE bin/liaison-admin", against the file.
check() {
	[ -n "$1" ] || return 0
	# shellcheck disable=SC2046
	set -- "$1" "$2" $(cksum < "$admin")
	if [ "$4" != "$2" ]; then
		fail "$admin was damaged in the upload ($4 bytes, not $2): an FTP program sent it as text. Upload bin/liaison-admin again in binary mode (FileZilla: menu Transfer, Transfer type, Binary), or upload the .tar.gz and Extract it in the file manager."
	elif [ "$3" != "$1" ]; then
		fail "$admin is not the file the bundle had (its checksum differs): upload bin/liaison-admin again in binary mode (FileZilla: menu Transfer, Transfer type, Binary)."
	fi
}
what=$*
[ -f "$admin" ] || fail "$admin is missing. Upload bin/liaison-admin from the bundle again (FileZilla: first menu Transfer, Transfer type, Binary)."
# shellcheck disable=SC2046
check $(tr -d '\r' < "$here/bin/checksums" 2>/dev/null | grep ' bin/liaison-admin$')
# An FTP upload leaves it 644; the account that owns it may make it executable.
if [ ! -x "$admin" ]; then
	chmod u+x "$admin" 2>/dev/null || fail "$admin is not executable and cannot be made so: set its permissions to 755 in the file manager."
fi
exec "$admin" "$@"
