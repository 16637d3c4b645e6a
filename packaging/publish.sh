#!/usr/bin/env bash
# Publishes the trimmed native-AOT nats-edge binary for one runtime: packaging/publish.sh linux-x64|linux-arm64
# Output: artifacts/RID/nats-edge (stripped) and artifacts/RID/nats-edge.dbg (its symbols).
# Fails on any trim or AOT warning: the binary must be exactly what the code says, nothing dropped.
set -euo pipefail

rid="${1:-linux-x64}"
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/artifacts/$rid"

# shellcheck source=packaging/apt-need.sh
. "$root/packaging/apt-need.sh"

extra=()
case "$rid" in
  linux-x64)
    need clang zlib1g-dev binutils
    ;;
  linux-arm64)
    # Cross-linking on an x64 Debian host: Debian's cross toolchain and lld, no separate sysroot.
    need clang lld gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross
    # qemu-user and Debian's arm64 libc run the device smoke test below.
    need_arm64_runtime
    extra+=(-p:LinkerFlavor=lld -p:ObjCopyName=aarch64-linux-gnu-objcopy)
    ;;
  *)
    echo "publish.sh: unsupported runtime '$rid' (linux-x64 or linux-arm64)" >&2
    exit 1
    ;;
esac

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
dotnet publish "$root/src/Nats.Edge/Nats.Edge.csproj" -c Release -r "$rid" -o "$out" \
  -p:StripSymbols=true "${extra[@]}" 2>&1 | tee "$log"

if grep -Eq 'warning (IL[0-9]{4}|IL[23][0-9]{3})' "$log"; then
  echo "publish.sh: trim/AOT warnings above; the binary is not shipped" >&2
  exit 1
fi

# The managed library's pdb means nothing to a native binary; nats-edge.dbg holds the symbols.
rm -f "$out"/*.pdb

size=$(stat -c %s "$out/nats-edge")
echo "nats-edge ($rid): $size bytes ($(awk "BEGIN { printf \"%.2f\", $size / 1048576 }") MiB) at $out/nats-edge"

# The method order also names methods the C# compiler generates and numbers, async state machines
# among them (NatsServer.StartAsync's is d__84): a method added beside one renumbers it, and a name
# that matches nothing silently drops its method out of the packed layout, where each one that runs
# at start keeps another 64-128 KiB of code resident. The order is recorded from the x64 binary.
if [ "$rid" = linux-x64 ]; then
  order="$root/src/Nats.Edge/Layout/method-order.txt"
  stale="$(LC_ALL=C comm -23 <(LC_ALL=C sort -u "$order") \
    <(nm --defined-only "$out/nats-edge.dbg" | awk '{ print $3 }' | LC_ALL=C sort -u) | wc -l)"
  if [ "$stale" -gt 0 ]; then
    echo "publish.sh: $stale names in ${order#"$root"/} match no method of the binary;" \
      "packaging/method-order.sh records the order afresh" >&2
  fi
fi

# The native binary itself must show the device bindings work: the native compiler cut library code
# (src/Nats.Edge/Trimming/) and one trim warning inside the device packages is silenced
# (src/Nats.Edge/Nats.Edge.csproj says why). linux-arm64 runs under qemu-aarch64.
if [ "$rid" = linux-x64 ]; then
  "$root/packaging/smoke-devices.sh" "$out/nats-edge"
else
  "$root/packaging/smoke-devices.sh" "$out/nats-edge" qemu
fi
