#!/usr/bin/env bash
# Installs the Debian 12 packages Liaison needs for the given purposes, only those missing.
# Not root: prints the one apt-get line to run and stops, changing nothing.
#
#   conf/deps.sh build run      what `make run` needs
#   conf/deps.sh test           what `make test` adds (Check, valgrind, Node.js, Chromium, Apache,
#                               mandoc for the man page's lint, …)
#   conf/deps.sh bench          what `make bench` adds (wrk, PHP-FPM for the anchors, Apache,
#                               python3-openpyxl for the .xlsx import bench)
#
# Beyond the obvious: multiwatch restarts a program that dies under `make run` (conf/serve.sh);
# systemd brings systemd-analyze, which checks the installed units without a running systemd,
# openssl makes the certificate for tests/install.sh's HTTPS checks (HSTS); msmtp (the client
# alone, not msmtp-mta, so no machine's own MTA is replaced) and python3-aiosmtpd are the real
# mail path the outbox is tested on (tests/mail/).
set -euo pipefail

declare -A need=(
	[build]="gcc g++ make pkg-config libfcgi-dev libsqlite3-dev libctemplate-dev libcsv-dev nettle-dev libcrypt-dev libminizip-dev zlib1g-dev libexpat1-dev"
	[run]="nginx spawn-fcgi multiwatch"
	[test]="check valgrind sqlite3 curl chromium fonts-noto-core fonts-noto-cjk time openjdk-17-jre-headless clang-14 libclang-rt-14-dev apache2 libapache2-mod-fcgid apache2-suexec-pristine mandoc systemd openssl msmtp python3-aiosmtpd"
	[bench]="wrk php8.2-fpm php8.2-sqlite3 bc sqlite3 curl spawn-fcgi libfcgi-dev apache2 libapache2-mod-fcgid python3-openpyxl"
)
want=
for purpose in "$@"; do
	[ -n "${need[$purpose]:-}" ] || { echo "deps.sh: unknown purpose $purpose" >&2; exit 2; }
	want+=" ${need[$purpose]}"
	# Node.js (18, as Debian 12 ships it, or newer) drives the HTTP and browser tests.
	if [ "$purpose" = test ] && ! command -v node >/dev/null; then
		want+=" nodejs"
	fi
done
missing=
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=" $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "Liaison needs these Debian packages. Run this once, then try again:" >&2
	echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "Installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# nginx's package starts a system nginx on port 80; we run our own, so keep it from starting.
if [ ! -e /usr/sbin/policy-rc.d ]; then
	printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
	trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
apt-get install -y -qq --no-install-recommends $missing >/dev/null
# Debian's nodejs comes without npm; some sources' nodejs bundles it (and conflicts with it).
if [[ " $missing " == *" nodejs "* ]] && ! command -v npm >/dev/null; then
	apt-get install -y -qq --no-install-recommends npm >/dev/null
fi
