# Builds, installs and packages actionplan (docs/release.md).
#
#   make                      release build, Swift's runtime linked in (.build/release/actionplan)
#   make install              binary, man page and completions under PREFIX (default /usr/local)
#   make uninstall            removes what install put there
#   make deb                  a Debian package, .build/deb/actionplan_VERSION_ARCH.deb
#   make man                  regenerates docs/man/actionplan.1 from the commands (swift-argument-parser's plugin)
#
# DESTDIR is put in front of every installed path, for packaging.

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
SWIFT_FLAGS ?= -c release --static-swift-stdlib

BIN_DIR = $(DESTDIR)$(PREFIX)/bin
MAN_DIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASH_DIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSH_DIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISH_DIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

BUILT = .build/release/actionplan
BUILD_INFO = Sources/actionplan/BuildInfo.swift
MAN_PAGE = docs/man/actionplan.1
COMPLETIONS = .build/completions

.PHONY: all build install install-files uninstall deb man completions

all: build

# The commit goes into BuildInfo.swift for the length of the build only; the committed
# placeholder is put back whatever happens, so `swift build` and git stay as they were.
build:
	@commit=$$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown); \
	if [ "$$commit" != unknown ] && ! git diff --quiet HEAD -- Sources Package.swift 2>/dev/null; then \
	  commit="$$commit-modified"; fi; \
	cp -p $(BUILD_INFO) $(BUILD_INFO).placeholder; \
	trap 'mv -f $(BUILD_INFO).placeholder $(BUILD_INFO)' EXIT INT TERM; \
	sed -i "s/static let commit = \"[^\"]*\"/static let commit = \"$$commit\"/" $(BUILD_INFO); \
	$(SWIFT) build $(SWIFT_FLAGS) --product actionplan
	@echo "built $(BUILT): $$($(BUILT) --version)"

# The completion scripts, from the built binary (swift-argument-parser writes them).
completions:
	@mkdir -p $(COMPLETIONS)
	$(BUILT) --generate-completion-script bash > $(COMPLETIONS)/actionplan.bash
	$(BUILT) --generate-completion-script zsh > $(COMPLETIONS)/_actionplan
	$(BUILT) --generate-completion-script fish > $(COMPLETIONS)/actionplan.fish

install: build
	@$(MAKE) --no-print-directory install-files

# Installs what `build` made, without building (`make deb` uses it too).
install-files: completions
	install -d $(BIN_DIR) $(MAN_DIR) $(BASH_DIR) $(ZSH_DIR) $(FISH_DIR)
	install -m 755 $(BUILT) $(BIN_DIR)/actionplan
	install -m 644 $(MAN_PAGE) $(MAN_DIR)/actionplan.1
	install -m 644 $(COMPLETIONS)/actionplan.bash $(BASH_DIR)/actionplan
	install -m 644 $(COMPLETIONS)/_actionplan $(ZSH_DIR)/_actionplan
	install -m 644 $(COMPLETIONS)/actionplan.fish $(FISH_DIR)/actionplan.fish

uninstall:
	rm -f $(BIN_DIR)/actionplan $(MAN_DIR)/actionplan.1 $(BASH_DIR)/actionplan \
	  $(ZSH_DIR)/_actionplan $(FISH_DIR)/actionplan.fish

deb: build
	@scripts/make-deb.sh $(BUILT)

# Regenerates the committed man page. The plugin builds the tool in debug mode and
# reads its help; it needs nothing from the network.
man:
	$(SWIFT) package generate-manual \
	  --authors "actionplan maintainers" --date $$(date +%Y-%m-%d)
	@mkdir -p docs/man
	cp .build/plugins/GenerateManual/outputs/actionplan/actionplan.1 $(MAN_PAGE)
	@echo "wrote $(MAN_PAGE)"
