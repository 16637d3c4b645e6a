# shellcheck shell=bash
# Sourced by the packaging scripts and .ci/run: installs Debian packages only when they are missing.
# apt-get update runs at most once per run, children included (PACKAGING_APT_UPDATED is exported),
# because on the shared 2-core machine each update costs seconds of CPU and network.

# need PKG...: installs the packages not installed yet; PKG may carry an architecture (libssl3:arm64).
need() {
  local missing=() pkg
  for pkg in "$@"; do
    # Installed means "install ok installed": a package removed but not purged still answers dpkg -s
    # (its config files remain), and its binary is gone.
    [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" = "install ok installed" ] || missing+=("$pkg")
  done
  ((${#missing[@]})) || return 0
  if [ -z "${PACKAGING_APT_UPDATED:-}" ]; then
    apt-get update -qq
    export PACKAGING_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
}

# need_arm64_runtime: what runs the arm64 binary on this x64 host: qemu-user, and Debian's arm64 C
# library and OpenSSL through multiarch (the binary's loader path, /lib/ld-linux-aarch64.so.1, then
# exists, so qemu-aarch64 needs no -L).
need_arm64_runtime() {
  if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    dpkg --add-architecture arm64
    # The package lists read so far have no arm64 packages in them.
    unset PACKAGING_APT_UPDATED
  fi
  need qemu-user libc6:arm64 libssl3:arm64
}
