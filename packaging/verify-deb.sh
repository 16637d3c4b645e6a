#!/usr/bin/env bash
# Installs artifacts/nats-edge_VERSION_arm64.deb into a fresh Debian arm64 root made by debootstrap and
# checks what the package promises: binary, conffile, service user, enabled unit, `systemd-analyze
# verify` clean, `nats-edge -t` happy with the shipped config. Takes minutes (every arm64 program in
# the root runs under qemu), so CI runs it only when packaging/ changed: see packaging/README.md.
#
# No global state changes: arm64 programs run through a binfmt_misc instance of a private user
# namespace (Linux 6.7 and later), not the host's, with Debian's static qemu taken out of its package
# unpacked (installing qemu-user-static would replace qemu-user-binfmt on this host).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=packaging/apt-need.sh
. "$root/packaging/apt-need.sh"
version="$("$root/packaging/version.sh")"
deb="$root/artifacts/nats-edge_${version}_arm64.deb"
[ -f "$deb" ] || { echo "verify-deb.sh: $deb missing: run packaging/package.sh" >&2; exit 1; }

need debootstrap debian-archive-keyring
codename="$(. /etc/os-release && echo "$VERSION_CODENAME")"
# The mirror this host's apt already uses for its own release ($(REPO_URI) is apt's field, not bash's).
# shellcheck disable=SC2016
mirror="$(apt-get indextargets --format '$(REPO_URI)' "Release: $codename" 'Identifier: Packages' | head -n1)"
[ -n "$mirror" ] || { echo "verify-deb.sh: no apt source for $codename on this host" >&2; exit 1; }

cache="$root/artifacts/cache"
mkdir -p "$cache"
if ! compgen -G "$cache/qemu-user-static_*_amd64.deb" >/dev/null; then
  # Sandbox user root: apt's _apt user may not write into the checkout.
  (cd "$cache" && apt-get download -qq -o APT::Sandbox::User=root qemu-user-static)
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dpkg-deb -x "$(compgen -G "$cache/qemu-user-static_*_amd64.deb" | tail -n1)" "$work/qemu"
cp "$deb" "$work/nats-edge.deb"

# root inside, ids 0-65535 as on the host: dpkg and debootstrap chown files to system users.
mkfifo "$work/mapped"
# shellcheck disable=SC2016 # the inner bash expands $1 and $@
unshare --user --mount --pid --fork --kill-child -- \
  bash -c 'read -r _ < "$1"; shift; exec "$@"' sandbox "$work/mapped" \
  env container=lxc bash "$root/packaging/verify-deb-root.sh" "$work" "$codename" "$mirror" &
sandbox=$!
until [ "$(readlink "/proc/$sandbox/ns/user")" != "$(readlink /proc/self/ns/user)" ]; do sleep 0.05; done
echo "0 0 65536" > "/proc/$sandbox/uid_map"
echo "0 0 65536" > "/proc/$sandbox/gid_map"
echo go > "$work/mapped"
wait "$sandbox"
