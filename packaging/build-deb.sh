#!/usr/bin/env bash
# Builds artifacts/nats-edge_VERSION_ARCH.deb from artifacts/RID/nats-edge with dpkg-deb alone:
# packaging/build-deb.sh linux-arm64|linux-x64 (run packaging/publish.sh RID first).
set -euo pipefail

rid="$1"
root="$(cd "$(dirname "$0")/.." && pwd)"
case "$rid" in
  linux-x64) arch=amd64 ;;
  linux-arm64) arch=arm64 ;;
  *) echo "build-deb.sh: unsupported runtime '$rid' (linux-x64 or linux-arm64)" >&2; exit 1 ;;
esac
version="$("$root/packaging/version.sh")"
binary="$root/artifacts/$rid/nats-edge"
[ -x "$binary" ] || { echo "build-deb.sh: $binary missing: run packaging/publish.sh $rid" >&2; exit 1; }

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
# mktemp's 0700 would become the package's "./" entry.
chmod 0755 "$stage"
deb="$root/packaging/deb"
install -D -m 0755 "$binary" "$stage/usr/bin/nats-edge"
install -D -m 0644 "$deb/nats-edge.conf" "$stage/etc/nats-edge/nats-edge.conf"
# /lib, not /usr/lib: bookworm's dpkg still tracks unit files under the unmerged path.
install -D -m 0644 "$deb/nats-edge.service" "$stage/lib/systemd/system/nats-edge.service"
install -D -m 0644 "$deb/copyright" "$stage/usr/share/doc/nats-edge/copyright"
install -D -m 0644 "$root/README.md" "$stage/usr/share/doc/nats-edge/README.md"
install -D -m 0644 "$root/packaging/README.md" "$stage/usr/share/doc/nats-edge/raspberry-pi.md"
install -D -m 0644 -t "$stage/usr/share/doc/nats-edge/examples" \
  "$root/packaging/examples/pi-temperature" "$root/packaging/examples/pi-temperature.service"

install -d "$stage/DEBIAN"
install -m 0755 "$deb/postinst" "$deb/prerm" "$deb/postrm" "$stage/DEBIAN/"
install -m 0644 "$deb/conffiles" "$stage/DEBIAN/"
installed_size="$(du -sk --exclude=DEBIAN "$stage" | cut -f1)"
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@INSTALLED_SIZE@/$installed_size/" \
  "$deb/control" > "$stage/DEBIAN/control"

out="$root/artifacts/nats-edge_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$out" >/dev/null
echo "$(basename "$out"): $(stat -c %s "$out") bytes"
