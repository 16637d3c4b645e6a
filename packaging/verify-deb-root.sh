#!/usr/bin/env bash
# The part of verify-deb.sh that runs as root of its private user namespace:
# verify-deb-root.sh WORK CODENAME MIRROR, with WORK holding nats-edge.deb and qemu/ (unpacked qemu-user-static).
set -euo pipefail

work="$1" codename="$2" mirror="$3"
target="$work/root"

# arm64 ELF files run through qemu, in this namespace only. F: the kernel opens qemu now, so it
# need not exist inside the chroot.
mkdir "$work/binfmt"
mount -t binfmt_misc binfmt_misc "$work/binfmt"
printf '%s' ':qemu-aarch64:M::\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\xb7\x00:\xff\xff\xff\xff\xff\xff\xff\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff:'"$work/qemu/usr/bin/qemu-aarch64-static"':F' \
  > "$work/binfmt/register"

started=$SECONDS
# systemd: for systemctl enable in postinst and systemd-analyze verify, as on a real board.
debootstrap --arch=arm64 --variant=minbase --include=systemd "$codename" "$target" "$mirror" > "$work/debootstrap.log" \
  || { tail -n 30 "$work/debootstrap.log"; exit 1; }
echo "debootstrap (arm64 $codename, minbase + systemd): $((SECONDS - started)) s"

# dpkg's scripts need /dev/null and friends, systemd-analyze needs /proc; these mounts end with the namespace.
mount --rbind /dev "$target/dev"
mount -t proc proc "$target/proc"
in_root() { chroot "$target" "$@"; }
fail() { echo "verify-deb: FAIL: $*" >&2; exit 1; }

started=$SECONDS
cp "$work/nats-edge.deb" "$target/tmp/"
in_root dpkg -i /tmp/nats-edge.deb
echo "dpkg -i: $((SECONDS - started)) s"

in_root /usr/bin/nats-edge -v | grep -qx 'nats-edge: v[0-9.]*' || fail "nats-edge -v"
in_root /usr/bin/nats-edge -t -c /etc/nats-edge/nats-edge.conf || fail "shipped config does not load"
grep -q '^License: Apache-2.0 and MIT and MIT-0 and Zlib$' "$target/usr/share/doc/nats-edge/copyright" || fail "no copyright file"
in_root getent passwd nats-edge | grep -q ':/usr/sbin/nologin$' || fail "no nats-edge system user"
for group in nats-edge gpio i2c; do
  in_root getent group "$group" >/dev/null || fail "group $group missing"
done
[ "$(in_root stat -c '%U:%G %a' /etc/nats-edge)" = "root:nats-edge 750" ] || fail "/etc/nats-edge not root:nats-edge 0750"
grep -qx /etc/nats-edge/nats-edge.conf "$target/var/lib/dpkg/info/nats-edge.conffiles" || fail "config is not a conffile"
[ -L "$target/etc/systemd/system/multi-user.target.wants/nats-edge.service" ] || fail "unit not enabled"
# systemd-analyze verify exits 0 on warnings too: any output about the unit is a finding.
findings="$(in_root systemd-analyze verify /lib/systemd/system/nats-edge.service 2>&1)" || fail "systemd-analyze verify: $findings"
[ -z "$findings" ] || fail "systemd-analyze verify: $findings"
echo "systemd-analyze verify nats-edge.service: clean"

# An administrator's edit survives reinstalling: dpkg keeps a changed conffile.
echo "server_name: edited-on-board" >> "$target/etc/nats-edge/nats-edge.conf"
in_root dpkg -i /tmp/nats-edge.deb < /dev/null >/dev/null
grep -q edited-on-board "$target/etc/nats-edge/nats-edge.conf" || fail "reinstall overwrote the edited config"

in_root dpkg --purge nats-edge >/dev/null
[ ! -e "$target/etc/nats-edge" ] || fail "purge left /etc/nats-edge"
[ ! -e "$target/etc/systemd/system/multi-user.target.wants/nats-edge.service" ] || fail "remove left the unit enabled"
echo "verify-deb: nats-edge_*_arm64.deb installs, runs, verifies and purges in a Debian arm64 root"
