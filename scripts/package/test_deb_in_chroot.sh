#!/usr/bin/env bash
# Install msfood's .deb into a clean Debian 12 (bookworm, debootstrap minbase: no Python at all) and use
# it there as a station clerk would, from the installed files only:
#   msfood --version; msfood demo; msfood stats --json (parsed, figures checked); msfood report (a PDF,
#   its Chinese text checked); msfood-app --screenshot offscreen (PNG pages copied out), and the same
#   through the real X11 plugin (xcb) under this machine's Xvfb when it has one.
# Also checks: apt resolves the package's Depends (no recommends), no library of the bundle is missing,
# no python3 came in, nothing is written into /opt/msfood. Prints the sizes and start-up times.
#
#   scripts/package/test_deb_in_chroot.sh [dist/msfood_X_amd64.deb]     (as root; the newest .deb by default)
#
# The first run downloads Debian's base (about 45 MB, 2-3 min) and keeps it, with apt's lists and the
# packages msfood depends on, under /var/cache/msfood-debootstrap (MSFOOD_DEBOOTSTRAP_CACHE), so a later
# run needs no network and takes well under a minute. Output (PNGs, PDF, JSON, summary.txt) goes to
# dist/chroot-test/ (MSFOOD_CHROOT_OUT).
set -euo pipefail
cd "$(dirname "$0")/../.."

deb=${1:-$(ls -t dist/msfood_*.deb 2>/dev/null | head -n 1 || true)}
[ -n "$deb" ] && [ -f "$deb" ] || { echo "no .deb: run scripts/package/build_deb.sh first" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "needs root (debootstrap, chroot, mount)" >&2; exit 2; }
command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null; }

mirror=${MSFOOD_DEBIAN_MIRROR:-http://deb.debian.org/debian}
cache=${MSFOOD_DEBOOTSTRAP_CACHE:-/var/cache/msfood-debootstrap}
out=${MSFOOD_CHROOT_OUT:-dist/chroot-test}
base_debs="$cache/bookworm-minbase.tgz"      # debootstrap's own download
base_root="$cache/bookworm-minbase-root.tgz" # the finished base root, apt lists included
lists="$cache/apt-lists.tgz"                  # newer apt lists, when the base root's went stale
mkdir -p "$cache/archives" "$out"
rm -rf "${out:?}"/*
root=$(mktemp -d /tmp/msfood-chroot.XXXXXX)
chmod 755 "$root"  # a root file system: apt's _apt user and the clerk must get in (mktemp made it 700)
xvfb_pid=""

say() { printf '== %s\n' "$*" >&2; }
mounted=()
mount_in() { mount "$@"; mounted+=("${!#}"); }
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount -R "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" 2>/dev/null || true
  done
  # Never remove the root while anything (the host's /dev above all) is still mounted inside it.
  if grep -q " $root/" /proc/mounts; then
    echo "still mounted under $root: left in place, unmount and remove it by hand" >&2
    return
  fi
  rm -rf "$root"
}
trap cleanup EXIT

# 1. A clean Debian 12 root: from the cached finished root, else debootstrap (from its cached download).
if [ -f "$base_root" ]; then
  say "base root from $base_root"
  tar -xzf "$base_root" -C "$root"
  [ -f "$lists" ] && tar -xzf "$lists" -C "$root"
else
  if [ ! -f "$base_debs" ]; then
    say "downloading Debian 12 minbase into $base_debs"
    debootstrap --variant=minbase --make-tarball="$base_debs" bookworm "$root.dl" "$mirror" >/dev/null
    rm -rf "$root.dl"
  fi
  say "debootstrap --variant=minbase bookworm"
  debootstrap --variant=minbase --unpack-tarball="$(realpath "$base_debs")" bookworm "$root" "$mirror" >/dev/null
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  chroot "$root" apt-get update -qq
  chroot "$root" apt-get clean  # debootstrap's own .debs: not needed again
  rm -f "$lists"
  tar -czf "$base_root.part" -C "$root" --exclude=./proc/* --exclude=./sys/* --exclude=./dev/* .
  mv "$base_root.part" "$base_root"
fi
chmod 755 "$root"  # the cached tar may carry the 700 of an earlier mktemp
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount_in -t proc proc "$root/proc"
mount_in --rbind /dev "$root/dev"
mount --make-rslave "$root/dev"
if [ -n "$(chroot "$root" sh -c 'command -v python3; ls -d /usr/lib/python3* 2>/dev/null' || true)" ]; then
  echo "the clean root has Python before msfood is installed" >&2; exit 1
fi

# 2. Install the package as a station would: apt resolves its Depends (recommends left out, so the
#    Depends alone must suffice). The packages apt fetches are kept for the next run.
say "apt-get install ./$(basename "$deb")"
cp "$deb" "$root/tmp/msfood.deb"
cp "$cache/archives/"*.deb "$root/var/cache/apt/archives/" 2>/dev/null || true
install_msfood() {
  chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    /tmp/msfood.deb > "$out/apt-install.log" 2>&1
}
if ! install_msfood; then
  say "apt-get install failed, updating apt's lists and trying again"
  chroot "$root" apt-get update -qq
  install_msfood || { cat "$out/apt-install.log" >&2; exit 1; }
  tar -czf "$lists" -C "$root" ./var/lib/apt/lists  # the fresh lists, laid over the base root next time
fi
cp "$root/var/cache/apt/archives/"*.deb "$cache/archives/" 2>/dev/null || true
rm -f "$cache/archives/msfood_"*.deb
extra_packages=$(grep -c '^Setting up ' "$out/apt-install.log" || true)
if [ -n "$(chroot "$root" sh -c 'command -v python3; ls -d /usr/lib/python3* 2>/dev/null' || true)" ]; then
  echo "installing msfood brought in Python: the package must not need it" >&2; exit 1
fi

# 3. Every library of the bundle resolves (what PyInstaller left to the system is in Depends).
missing=$(chroot "$root" sh -c '
  export LD_LIBRARY_PATH=/opt/msfood/_internal:/opt/msfood/_internal/PySide6/Qt/lib
  find /opt/msfood -name "*.so*" -type f | while read -r lib; do
    ldd "$lib" 2>/dev/null | grep "not found" | sed "s|^|$lib: |"
  done' || true)
if [ -n "$missing" ]; then
  echo "libraries missing on a clean Debian 12 with msfood's Depends:" >&2
  echo "$missing" | sort -u >&2
  exit 1
fi

# 4. As a normal user, with a home and nothing else: the clerk's commands.
chroot "$root" useradd --create-home --shell /bin/sh clerk
touch "$root/tmp/installed.marker"
as_clerk() {
  chroot --userspec=clerk:clerk "$root" env -i HOME=/home/clerk USER=clerk LOGNAME=clerk \
    PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 TZ=Asia/Shanghai \
    MSFOOD_USER=admin MSFOOD_PASSWORD=demo-admin "$@"
}
seconds() { # the seconds a command takes, its output into $out/$1.log
  local name=$1 start end
  shift
  start=$(date +%s%N)
  "$@" > "$out/$name.log" 2>&1 || { echo "failed: $*" >&2; cat "$out/$name.log" >&2; exit 1; }
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN { printf "%.2f", ns / 1e9 }'
}
say "msfood --version"
version_cold=$(seconds version as_clerk msfood --version)
version_warm=$(seconds version as_clerk msfood --version)
grep -q '^msfood [0-9]' "$out/version.log" || { echo "msfood --version printed: $(cat "$out/version.log")" >&2; exit 1; }

say "msfood demo"
demo_time=$(seconds demo as_clerk msfood demo --db /tmp/d.sqlite)
# A refusal reads as a sentence in the chosen language, never a traceback (the i18n tables are bundled).
if as_clerk msfood --lang en demo --db /tmp/d.sqlite > "$out/refusal.log" 2>&1; then
  echo "msfood demo wrote into an existing database" >&2; exit 1
fi
grep -q 'can only go into a new database file' "$out/refusal.log" && ! grep -q Traceback "$out/refusal.log" \
  || { echo "msfood demo's refusal: $(cat "$out/refusal.log")" >&2; exit 1; }
year=$(date +%Y)
say "msfood stats --period $year --json"
stats_time=$(seconds stats as_clerk msfood stats --db /tmp/d.sqlite --period "$year" --json)
cp "$out/stats.log" "$out/stats.json"
python3 - "$out/stats.json" <<'PY'
import json, sys
stats = json.load(open(sys.argv[1], encoding="utf-8"))
due = stats["supervision"]["due"]
assert due > 0 and 0 < stats["supervision"]["rate"] <= 1, stats["supervision"]
print(f"stats: supervision due {due}, rate {stats['supervision']['rate']:.3f}", file=sys.stderr)
PY

say "msfood report (PDF)"
report_time=$(seconds report as_clerk msfood report --db /tmp/d.sqlite --period "$year" --out /tmp/report.pdf)
cp "$root/tmp/report.pdf" "$out/report.pdf"
if command -v pdftotext >/dev/null; then
  report_text=$(pdftotext "$out/report.pdf" -)
  [[ $report_text == *食品安全*工作完成情况* ]] || { echo "the report's PDF has no Chinese text" >&2; exit 1; }
fi

say "msfood-app --screenshot (offscreen)"
app_time=$(seconds app as_clerk env QT_QPA_PLATFORM=offscreen msfood-app --db /tmp/d.sqlite --screenshot /tmp/shots)
mkdir -p "$out/offscreen"
cp "$root/tmp/shots/"*.png "$out/offscreen/"
[ -s "$out/offscreen/dashboard.png" ] || { echo "no dashboard.png from the screenshot run" >&2; exit 1; }

xcb_time="(no Xvfb here)"
if command -v Xvfb >/dev/null; then
  say "msfood-app --screenshot through X11 (xcb) on Xvfb"
  display=$((90 + RANDOM % 100))
  Xvfb ":$display" -screen 0 1366x768x24 -nolisten tcp > "$out/xvfb.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 50); do [ -S "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
  mkdir -p "$root/tmp/.X11-unix"
  mount_in --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
  xcb_time=$(seconds xcb as_clerk env QT_QPA_PLATFORM=xcb "DISPLAY=:$display" \
    msfood-app --db /tmp/d.sqlite --screenshot /tmp/shots-xcb)
  mkdir -p "$out/xcb"
  cp "$root/tmp/shots-xcb/"*.png "$out/xcb/"
  [ -s "$out/xcb/dashboard.png" ] || { echo "no dashboard.png from the xcb run" >&2; exit 1; }
fi

# 5. The program folder stays as installed: data goes to the user's folders.
written=$(chroot "$root" find /opt/msfood -newer /tmp/installed.marker | head -n 5)
[ -z "$written" ] || { echo "written into /opt/msfood: $written" >&2; exit 1; }
data_files=$(chroot "$root" sh -c 'cd /home/clerk && find . -type f | sort | head -n 20' | tr '\n' ' ')

installed_mb=$(du -sm "$root/opt/msfood" | cut -f1)
deb_mb=$(du -m "$deb" | cut -f1)
deps_line=$(grep -m1 'additional disk space' "$out/apt-install.log" || true)
{
  echo "package:            $(basename "$deb") ($deb_mb MB)"
  echo "installed:          /opt/msfood $installed_mb MB; apt added $extra_packages packages ($deps_line)"
  echo "msfood --version:   ${version_cold} s first run, ${version_warm} s next run ($(cat "$out/version.log"))"
  echo "msfood demo:        ${demo_time} s (station scale)"
  echo "msfood stats:       ${stats_time} s"
  echo "msfood report:      ${report_time} s (PDF)"
  echo "app to screenshots: ${app_time} s offscreen, ${xcb_time} s xcb ($(ls "$out/offscreen" | wc -l) pages each)"
  echo "user's files:       $data_files"
} | tee "$out/summary.txt"
say "passed; pictures and files in $out"
