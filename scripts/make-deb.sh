#!/usr/bin/env bash
# Builds the Debian package from the release build (run by `make deb`; docs/release.md):
# the binary (stripped), the man page and the completions under /usr, the version from
# `actionplan --version`, and Depends worked out by dpkg-shlibdeps from the libraries
# the binary loads. Compressed with gzip, several times quicker to make than xz for a
# binary this size. Writes .build/deb/actionplan_VERSION_ARCH.deb and prints its path.
set -euo pipefail
cd "$(dirname "$0")/.."

built=${1:-.build/release/actionplan}
version=$("$built" --version | awk '{print $1}')
arch=$(dpkg --print-architecture)
name="actionplan_${version}_${arch}"
stage=".build/deb/$name"
rm -rf "$stage"
mkdir -p "$stage"
make --no-print-directory install-files DESTDIR="$stage" PREFIX=/usr >/dev/null
strip --strip-unneeded "$stage/usr/bin/actionplan"
gzip -9n "$stage/usr/share/man/man1/actionplan.1"
install -d "$stage/usr/share/doc/actionplan"
install -m 644 README.md "$stage/usr/share/doc/actionplan/README.md"

# dpkg-shlibdeps wants a debian/control to read; give it a minimal one in a scratch folder.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/debian"
printf 'Source: actionplan\n\nPackage: actionplan\nArchitecture: any\n' > "$scratch/debian/control"
binary=$(realpath "$stage/usr/bin/actionplan")
depends=$(cd "$scratch" && dpkg-shlibdeps -O "$binary" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "make-deb: dpkg-shlibdeps found no libraries" >&2; exit 1; }

commit=$("$built" --version | sed -n 's/.*(commit \(.*\))/\1/p')
size=$(du -sk "$stage/usr" | cut -f1)
mkdir -p "$stage/DEBIAN"
cat > "$stage/DEBIAN/control" <<CONTROL
Package: actionplan
Version: $version
Architecture: $arch
Maintainer: actionplan maintainers <actionplan@localhost>
Installed-Size: $size
Depends: $depends
Suggests: chromium, git
Section: utils
Priority: optional
Description: keep an improvement board's action plan in a plain-text file
 A terminal tool and command-line interface for action plans kept after an
 inspection: sections, areas and actions with owners, due dates, RAG statuses
 and dated progress notes, in one plain-text file that reads like a document.
 It checks the file, edits it without losing a byte, and writes the board's
 papers: summaries, the board pack as Markdown, HTML, PDF (with Chromium),
 an Excel workbook, CSV and JSON.
 .
 Built from commit $commit.
CONTROL
dpkg-deb --build --root-owner-group -Zgzip "$stage" ".build/deb/$name.deb" >/dev/null
echo ".build/deb/$name.deb"
