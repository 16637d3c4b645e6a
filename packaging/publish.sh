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
    need clang zlib1g-dev
    ;;
  linux-arm64)
    # Cross-linking on an x64 Debian host: Debian's cross toolchain and lld, no separate sysroot.
    need clang lld gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross
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

# Two trim warnings inside the device packages are silenced for the native compiler
# (src/Nats.Edge/Nats.Edge.csproj says why). So the native binary itself must show the bindings work:
# run the simulated board and wait for the BME280 datasheet example's 25.08 °C. Only where it runs.
if [ "$rid" = linux-x64 ]; then
  smoke="$(mktemp -d)"
  "$out/nats-edge" -c "$root/devices/profiles/simulated.json" -a 127.0.0.1 -p -1 >"$smoke/log" 2>&1 &
  pid=$!
  trap 'kill "$pid" 2>/dev/null || true; rm -rf "$smoke" "$log"' EXIT
  port=""
  for _ in $(seq 50); do
    port=$(sed -n 's/.*Listening for client connections on 127.0.0.1:\([0-9]*\).*/\1/p' "$smoke/log")
    [ -n "$port" ] && break
    sleep 0.1
  done
  reading=""
  if [ -n "$port" ]; then
    exec 3<>"/dev/tcp/127.0.0.1/$port"
    printf 'CONNECT {"verbose":false}\r\nSUB devices.pi-sim.bme280.temperature 1\r\n' >&3
    reading=$(timeout 15 grep -a -m1 -o '"value":[0-9.]*,"unit":"°C"' <&3 || true)
    exec 3<&-
  fi
  if [ "$reading" != '"value":25.08,"unit":"°C"' ]; then
    echo "publish.sh: the native binary's simulated BME280 read '${reading:-nothing}', not 25.08 °C" >&2
    cat "$smoke/log" >&2
    exit 1
  fi
  echo "nats-edge ($rid): simulated board smoke test passed (bme280 temperature 25.08 °C)"
fi
