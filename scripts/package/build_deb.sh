#!/usr/bin/env bash
# Build the Debian package of msfood: dist/msfood_<version>_<arch>.deb, installable offline on Debian 12,
# 统信 UOS and 麒麟 (the same architecture as this machine). Needs python3 (with venv), dpkg-deb and
# PyPI (or a local wheel mirror) the first time; later runs reuse build/package-venv.
#
#   scripts/package/build_deb.sh            # -> dist/msfood_0.1.0_amd64.deb
#
# Steps: a build venv with msfood[package] (PyInstaller), packaging/msfood.spec -> build/bundle/msfood/,
# laid out as /opt/msfood (the bundle), /usr/bin/msfood and /usr/bin/msfood-app (links), a desktop entry
# and icons, DEBIAN/control, then dpkg-deb. Nothing of this machine's Python is needed on the target.
set -euo pipefail
cd "$(dirname "$0")/../.."
root_dir=$(pwd)
venv=build/package-venv
stage=build/deb-root
started=$(date +%s)

say() { printf '== %s\n' "$*" >&2; }

# 1. The build venv. Dependencies only when pyproject.toml changed; msfood itself every time (seconds),
#    so its metadata (msfood --version) is this tree's.
if [ ! -x "$venv/bin/python" ]; then
  say "creating $venv"
  python3 -m venv "$venv"
fi
stamp="$venv/.pyproject.sha256"
if ! sha256sum --status -c "$stamp" 2>/dev/null; then
  say "installing msfood[package] into $venv"
  "$venv/bin/python" -m pip install --quiet --upgrade pip
  "$venv/bin/python" -m pip install --quiet ".[package]"
  sha256sum pyproject.toml > "$stamp"
fi
"$venv/bin/python" -m pip install --quiet --no-deps --force-reinstall .
version=$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("msfood"))')
arch=$(dpkg --print-architecture)

# 2. The bundle (PyInstaller's own cache under build/pyinstaller keeps a rebuild to a minute or two).
say "PyInstaller: packaging/msfood.spec"
"$venv/bin/pyinstaller" --noconfirm --log-level WARN --distpath build/bundle --workpath build/pyinstaller \
  packaging/msfood.spec
bundle=build/bundle/msfood
for program in msfood msfood-app; do
  [ -x "$bundle/$program" ] || { echo "the bundle lacks $program" >&2; exit 1; }
done

# 3. The file system tree of the package.
say "laying out $stage"
rm -rf "$stage"
mkdir -p "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
  "$stage/usr/share/icons/hicolor/256x256/apps" "$stage/usr/share/icons/hicolor/scalable/apps" \
  "$stage/usr/share/doc/msfood" "$stage/DEBIAN"
cp -a "$bundle" "$stage/opt/msfood"
# The bootloader finds _internal/ through the link's target (/proc/self/exe), so plain links suffice.
ln -s /opt/msfood/msfood "$stage/usr/bin/msfood"
ln -s /opt/msfood/msfood-app "$stage/usr/bin/msfood-app"
if command -v desktop-file-validate >/dev/null; then  # desktop-file-utils, when this machine has it
  desktop-file-validate packaging/linux/msfood.desktop
fi
install -m 644 packaging/linux/msfood.desktop "$stage/usr/share/applications/msfood.desktop"
install -m 644 resources/icons/msfood.png "$stage/usr/share/icons/hicolor/256x256/apps/msfood.png"
install -m 644 resources/icons/msfood.svg "$stage/usr/share/icons/hicolor/scalable/apps/msfood.svg"
install -m 644 packaging/linux/copyright "$stage/usr/share/doc/msfood/copyright"
# Readable by all, written by root only: the program folder is never a place for data (user data
# folder for the database, 文档 for outputs).
chmod -R u=rwX,go=rX "$stage/opt/msfood"
chmod 755 "$stage/opt/msfood/msfood" "$stage/opt/msfood/msfood-app"

# Depends: what Qt's xcb platform plugin links (readelf -d libqxcb.so libQt6XcbQpa.so.6 ...), named in
# full whether or not PyInstaller bundled a copy from this machine (it bundles what it finds here and
# leaves libxcb, OpenGL and EGL to the system), so the list does not depend on the build machine.
# OpenGL/EGL must be the machine's own (its driver); fontconfig's configuration lets Qt find the
# system's fonts (the app's Chinese font is bundled). scripts/package/test_deb_in_chroot.sh proves the
# list on a bare Debian 12 (ldd of every bundled library, and a real X11 window on Xvfb).
# libc6: the newest glibc symbol version anything in the bundle asks for (the build machine's Python
# and libraries set it: 2.36 from Debian 12).
glibc=$(find "$bundle" -type f \( -name '*.so*' -o -name msfood -o -name msfood-app \) -exec objdump -T {} + \
  2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n 1)
depends="libc6 (>= ${glibc:-2.36}), libgcc-s1, libstdc++6, libxcb1, libx11-6, libx11-xcb1, libxcb-cursor0,
 libxcb-glx0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render0,
 libxcb-render-util0, libxcb-shape0, libxcb-shm0, libxcb-sync1, libxcb-util1, libxcb-xfixes0, libxcb-xkb1,
 libxkbcommon0, libxkbcommon-x11-0, libgl1, libegl1, libfontconfig1, libfreetype6, libdbus-1-3"
depends=$(echo "$depends" | tr -d '\n')
installed_kb=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@DEPENDS@/$depends/" \
  -e "s/@INSTALLED_SIZE@/$installed_kb/" packaging/linux/control.in > "$stage/DEBIAN/control"

# 4. The package.
mkdir -p dist
deb="dist/msfood_${version}_${arch}.deb"
say "dpkg-deb: $deb"
# xz, which every dpkg reads (UOS and 麒麟 have older ones than zstd needs). Level 3: 84 MB in about a
# minute and a half here; the default 6 had not finished after 8 minutes on this shared 2-core machine.
# MSFOOD_DEB_COMPRESSION="-Zgzip -z1" for quick trial builds.
# shellcheck disable=SC2086
dpkg-deb --build --root-owner-group ${MSFOOD_DEB_COMPRESSION:--Zxz -z3} "$stage" "$deb" >/dev/null
deb_kb=$(du -k "$deb" | cut -f1)
say "built $deb: $((deb_kb / 1024)) MB, installs $((installed_kb / 1024)) MB, in $(( $(date +%s) - started )) s"
echo "$root_dir/$deb"
