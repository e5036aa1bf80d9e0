# Liaison: build, run, test, bench. `make run` and `make test` do every step on a fresh Debian 12.
#
# Two builds share these rules: build/ (optimized, what `make run` and `make bench` serve) and
# build/asan/ (AddressSanitizer + UBSan, what `make test` runs). Programs link with g++ because
# ctemplate is C++.

CC	?= cc
CXX	?= g++
BUILD	?= build
SAN	?=
OPT	?= -O2

SCHEMA_VERSION := $(words $(wildcard schema/[0-9][0-9][0-9]_*.sql))
CTEMPLATE	:= $(shell pkg-config --libs libctemplate_nothreads 2>/dev/null || echo -lctemplate_nothreads)

ifeq ($(SAN),1)
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
OPT := -O1
endif

WARN	:= -Wall -Wextra -Wformat=2 -Wshadow -Wno-unused-parameter
CPPFLAGS += $(addprefix -I,$(LAYERS)) -D_GNU_SOURCE -DSCHEMA_VERSION=$(SCHEMA_VERSION) $(if $(PATHS_H),-include $(PATHS_H))
CFLAGS	+= -std=c11 $(OPT) -g $(WARN) $(SANFLAGS) -D_FORTIFY_SOURCE=2 -fstack-protector-strong
CXXFLAGS += -std=c++11 $(OPT) -g -Wall -Wextra $(SANFLAGS)
LDFLAGS	+= $(SANFLAGS) -Wl,-z,relro,-z,now
LIBS	:= -lfcgi -lsqlite3 -lcsv $(CTEMPLATE) -lnettle -lcrypt -lminizip -lz -lexpat

PROGRAMS := list search apply staff partnerships import report
# src/ is in layers (ARCHITECTURE.md): every folder is on the include path, so an include
# names a header, not where it lives; tests/layers.sh checks who may include whom.
LAYERS	:= src/base src/store src/domain src/web src/pages src/app
HEADERS	:= $(wildcard src/*/*.h)
CORE_C	:= $(wildcard src/*/*.c)
CORE_CC	:= $(wildcard src/*/*.cc)
CORE_O	:= $(CORE_C:src/%.c=$(BUILD)/obj/%.o) $(CORE_CC:src/%.cc=$(BUILD)/obj/%.o)
BINS	:= $(PROGRAMS:%=$(BUILD)/cgi-bin/%) $(BUILD)/liaison-admin

.PHONY: all deps run test test-unit bench db clean asan dist install
all: $(BINS)

$(BUILD)/obj/%.o: src/%.c $(HEADERS) $(BUILD)/obj/schema-$(SCHEMA_VERSION) | $(BUILD)/obj
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<
$(BUILD)/obj/%.o: src/%.cc $(HEADERS) | $(BUILD)/obj
	@mkdir -p $(dir $@)
	$(CXX) $(CPPFLAGS) $(CXXFLAGS) -c -o $@ $<
$(BUILD)/libliaison.a: $(CORE_O)
	rm -f $@ && ar rcs $@ $^
$(BUILD)/cgi-bin/%: cgi-bin/%.c $(BUILD)/libliaison.a $(HEADERS) | $(BUILD)/cgi-bin
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@.o $<
	$(CXX) $(LDFLAGS) -o $@ $@.o $(BUILD)/libliaison.a $(LIBS)
# liaison-admin.c and its import command (admin-import.c), one program.
$(BUILD)/liaison-admin: tools/liaison-admin.c tools/admin-import.c tools/admin-import.h $(BUILD)/libliaison.a $(HEADERS)
	$(CC) $(CPPFLAGS) -Itools $(CFLAGS) -c -o $@.o $<
	$(CC) $(CPPFLAGS) -Itools $(CFLAGS) -c -o $@-import.o tools/admin-import.c
	$(CXX) $(LDFLAGS) -o $@ $@.o $@-import.o $(BUILD)/libliaison.a $(LIBS)
$(BUILD)/obj $(BUILD)/cgi-bin:
	mkdir -p $@
# Adding a migration changes SCHEMA_VERSION: this stamp makes every object that saw the old one rebuild.
$(BUILD)/obj/schema-$(SCHEMA_VERSION): | $(BUILD)/obj
	rm -f $(BUILD)/obj/schema-* && touch $@

# Installs the Debian packages that are missing (or, when not root, says the one line to run).
deps:
	@conf/deps.sh build run

# The demo database: created with the demo data if absent, upgraded in place if present.
db: $(BUILD)/liaison-admin
	@mkdir -p var
	LIAISON_SCHEMA=$(CURDIR)/schema LIAISON_DEMO=$(CURDIR)/data/demo.sql \
		$(BUILD)/liaison-admin demo var/liaison.db

run: deps
	@$(MAKE) --no-print-directory all db
	conf/serve.sh --port 8080 --bin $(BUILD) --db $(CURDIR)/var/liaison.db

asan:
	@$(MAKE) --no-print-directory BUILD=build/asan SAN=1 all

test: deps
	@conf/deps.sh test
	@$(MAKE) --no-print-directory all asan tests/unit/run-unit tests/node_modules/.installed \
		$(FUZZ_TARGETS) dist
	tests/run.sh

# playwright-core and axe-core, at the versions package-lock.json pins.
tests/node_modules/.installed: tests/package.json tests/package-lock.json
	cd tests && npm ci --no-audit --no-fund --loglevel=error
	touch $@

bench: deps
	@conf/deps.sh bench
	@$(MAKE) --no-print-directory all dist $(BUILD)/searchbench $(BUILD)/applybodies
	bench/run.sh
	bench/caching.sh
	bench/apply.sh
	bench/readwrite.sh
	bench/import.sh
	bench/report.sh
	bench/cgi.sh
	bench/apache.sh
	bench/refactor.sh
	bench/consortium.sh

# Valid application forms with fresh tokens for bench/apply.sh and bench/readwrite.sh.
$(BUILD)/applybodies: bench/applybodies.c $(BUILD)/libliaison.a $(HEADERS)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@.o $<
	$(CXX) $(LDFLAGS) -o $@ $@.o $(BUILD)/libliaison.a $(LIBS)
# In-process search and match latency (bench/searchbench.c), run by bench/run.sh.
$(BUILD)/searchbench: bench/searchbench.c $(BUILD)/libliaison.a $(HEADERS)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@.o $<
	$(CXX) $(LDFLAGS) -o $@ $@.o $(BUILD)/libliaison.a $(LIBS)

# The upload bundle for hosts without a compiler (issue 7): every program linked fully static,
# so that a host needs nothing of Debian's, not even its C library; any x86_64 Linux runs it.
# glibc warns that dlopen (SQLite's extension loading) and gethostbyname (libfcgi's listening
# on TCP) would need its shared libraries at run time; Liaison uses neither.
# Built for size (-Os, each function and datum in its own section, unused ones dropped at link
# time, stripped by conf/dist.sh): the bundle goes up by FTP file by file, so its size counts.
# Beside it, build/liaison-VERSION-src.tar.gz, its source. Every library in DIST_LIBS needs its
# entry in conf/third-party.sh (its licence, for THIRD-PARTY), or make dist stops.
VERSION ?= 0.$(SCHEMA_VERSION)
DIST	:= liaison-$(VERSION)-linux-x86_64
DIST_LIBS := -lfcgi -lsqlite3 -lcsv -lctemplate_nothreads -lnettle -lcrypt -lminizip -lz -lexpat -lm
dist:
	@$(MAKE) --no-print-directory BUILD=build/dist OPT="-Os -ffunction-sections -fdata-sections" \
		LDFLAGS="-static -Wl,--gc-sections -Wl,-z,relro,-z,now" \
		LIBS="$(DIST_LIBS)" all 2>&1 | grep -v -e 'statically linked applications requires' -e 'in function' || true
	DIST_LIBS="$(DIST_LIBS)" VERSION=$(VERSION) CXX="$(CXX)" conf/dist.sh build/dist $(DIST)

# make install [PREFIX=/usr/local] [SYSCONFDIR=/etc] [LOCALSTATEDIR=/var] [DESTDIR=…]: a build
# whose compiled-in paths are the installed ones (build/install/paths.h), then conf/install.sh.
PREFIX	?= /usr/local
SYSCONFDIR ?= /etc
LOCALSTATEDIR ?= /var
RUNDIR	?= /run/liaison
SYSTEMD_DIR ?= $(SYSCONFDIR)/systemd/system
WEBUSER	?= www-data
install: deps
	rm -rf build/install && mkdir -p build/install
	printf '%s\n' '#define LIAISON_DEFAULT_DB "$(LOCALSTATEDIR)/lib/liaison/liaison.db"' \
		'#define LIAISON_DEFAULT_TEMPLATES "$(PREFIX)/share/liaison/templates"' \
		'#define LIAISON_DEFAULT_SCHEMA "$(PREFIX)/share/liaison/schema"' \
		'#define LIAISON_DEFAULT_DEMO "$(PREFIX)/share/liaison/data/demo.sql"' \
		'#define LIAISON_DEFAULT_CONFIG "$(SYSCONFDIR)/liaison/liaison.conf"' > build/install/paths.h
	@$(MAKE) --no-print-directory BUILD=build/install PATHS_H=build/install/paths.h all
	PREFIX=$(PREFIX) SYSCONFDIR=$(SYSCONFDIR) LOCALSTATEDIR=$(LOCALSTATEDIR) RUNDIR=$(RUNDIR) \
		SYSTEMD_DIR=$(SYSTEMD_DIR) WEBUSER=$(WEBUSER) DESTDIR=$(DESTDIR) conf/install.sh build/install

clean:
	rm -rf build var/run tests/unit/run-unit tests/unit/run-unit-plain tests/out

# Unit tests link the sanitized core: every C line they reach runs under ASan and UBSan.
UNIT_SRC := $(wildcard tests/unit/*.c)
tests/unit/run-unit: $(UNIT_SRC) tests/unit/unit.h build/asan/libliaison.a
	$(CC) $(CPPFLAGS) -std=c11 -O1 -g -Wall -Wextra -Wno-unused-parameter \
		-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer \
		-o $@ $(UNIT_SRC) build/asan/libliaison.a $(LIBS) $$(pkg-config --libs check) -lstdc++ \
		-fsanitize=address,undefined
# The same unit tests without sanitizers, for valgrind (which cannot run ASan binaries).
tests/unit/run-unit-plain: $(UNIT_SRC) tests/unit/unit.h build/libliaison.a
	$(CC) $(CPPFLAGS) -std=c11 -O1 -g -Wall -Wextra -Wno-unused-parameter \
		-o $@ $(UNIT_SRC) build/libliaison.a $(LIBS) $$(pkg-config --libs check) -lstdc++

# Coverage-guided fuzzing with libFuzzer (clang), ASan and UBSan: `make fuzz` runs each target
# for FUZZ_SECONDS; make test runs them briefly. Crashes are written to tests/out/fuzz/.
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang-14
FUZZ_FLAGS := -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
build/fuzz/fuzz_params: tests/fuzz/fuzz_params.c src/base/params.c src/base/params.h
	@mkdir -p build/fuzz
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_FLAGS) -o $@ tests/fuzz/fuzz_params.c src/base/params.c
build/fuzz/fuzz_csv: tests/fuzz/fuzz_csv.c src/base/csvout.c src/base/csvout.h src/base/sink.c src/base/sink.h
	@mkdir -p build/fuzz
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_FLAGS) -o $@ tests/fuzz/fuzz_csv.c src/base/csvout.c src/base/sink.c -lcsv
build/fuzz/fuzz_searchquery: tests/fuzz/fuzz_searchquery.c src/base/searchquery.c src/base/searchquery.h src/base/params.c
	@mkdir -p build/fuzz
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_FLAGS) -o $@ tests/fuzz/fuzz_searchquery.c src/base/searchquery.c src/base/params.c -lsqlite3
build/fuzz/fuzz_form: tests/fuzz/fuzz_form.c src/domain/form.c src/domain/form.h src/base/measure.c src/base/params.c src/base/params.h
	@mkdir -p build/fuzz
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_FLAGS) -o $@ tests/fuzz/fuzz_form.c src/domain/form.c src/base/measure.c src/base/params.c -lsqlite3
build/fuzz/fuzz_multipart: tests/fuzz/fuzz_multipart.c src/base/multipart.c src/base/multipart.h
	@mkdir -p build/fuzz
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_FLAGS) -o $@ tests/fuzz/fuzz_multipart.c src/base/multipart.c
build/fuzz/fuzz_csvin: tests/fuzz/fuzz_csvin.c src/base/csvin.c src/base/csvin.h src/base/params.c src/base/params.h
	@mkdir -p build/fuzz
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_FLAGS) -o $@ tests/fuzz/fuzz_csvin.c src/base/csvin.c src/base/params.c -lcsv
build/fuzz/fuzz_period: tests/fuzz/fuzz_period.c src/base/period.c src/base/period.h src/base/measure.c src/base/measure.h
	@mkdir -p build/fuzz
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_FLAGS) -o $@ tests/fuzz/fuzz_period.c src/base/period.c src/base/measure.c
build/fuzz/fuzz_mailmsg: tests/fuzz/fuzz_mailmsg.c src/base/mailmsg.c src/base/mailmsg.h src/base/sink.c src/base/sink.h
	@mkdir -p build/fuzz
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_FLAGS) -o $@ tests/fuzz/fuzz_mailmsg.c src/base/mailmsg.c src/base/sink.c
build/fuzz/fuzz_hosting: tests/fuzz/fuzz_hosting.c src/base/hosting.c src/base/hosting.h
	@mkdir -p build/fuzz
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_FLAGS) -o $@ tests/fuzz/fuzz_hosting.c src/base/hosting.c
build/fuzz/fuzz_when: tests/fuzz/fuzz_when.c src/base/when.c src/base/when.h
	@mkdir -p build/fuzz
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_FLAGS) -o $@ tests/fuzz/fuzz_when.c src/base/when.c
build/fuzz/fuzz_sheetin: tests/fuzz/fuzz_sheetin.c src/base/sheetin.c src/base/sheetcells.c src/base/sheetin.h src/base/sheetpriv.h src/base/params.c
	@mkdir -p build/fuzz
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_FLAGS) -o $@ tests/fuzz/fuzz_sheetin.c src/base/sheetin.c src/base/sheetcells.c src/base/params.c -lminizip -lz -lexpat -lm
FUZZ_TARGETS := build/fuzz/fuzz_params build/fuzz/fuzz_csv build/fuzz/fuzz_searchquery build/fuzz/fuzz_form \
	build/fuzz/fuzz_multipart build/fuzz/fuzz_csvin build/fuzz/fuzz_period build/fuzz/fuzz_mailmsg \
	build/fuzz/fuzz_hosting build/fuzz/fuzz_when build/fuzz/fuzz_sheetin
.PHONY: fuzz
fuzz: $(FUZZ_TARGETS)
	tests/fuzz/run.sh $(FUZZ_SECONDS)
