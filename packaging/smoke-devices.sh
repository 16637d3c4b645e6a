#!/usr/bin/env bash
# Runs a native nats-edge binary on the simulated board and checks one reading of every quantity the
# I2C sensor bindings return, as the binary publishes it: packaging/smoke-devices.sh BINARY [qemu]
# With "qemu" the binary (linux-arm64) runs under qemu-aarch64, on Debian's arm64 libc (multiarch).
#
# The JIT-run tests cannot see what the native compiler trimmed away, and the build cuts library code
# it cannot prove unused (src/Nats.Edge/Trimming/ILLink.Substitutions.xml): this is the check that
# the bindings still read through what is left. The simulated chips answer with their datasheets'
# example registers, so every value below is fixed.
set -euo pipefail

binary="$1"
runner=()
if [ "${2:-}" = qemu ]; then
  runner=(qemu-aarch64)
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=packaging/scratch.sh
. "$root/packaging/scratch.sh"

cat >"$work/smoke.json" <<'EOF'
{
  "devices": {
    "board": { "name": "smoke", "model": "simulated" },
    "sensors": [
      { "type": "bme280", "address": "0x76", "interval": "1s" },
      { "type": "sht3x", "address": "0x44", "interval": "1s" },
      { "type": "ads1115", "address": "0x48", "channels": [0, 1], "interval": "1s" }
    ]
  }
}
EOF

# subject → the value and unit its first reading must carry
expected=(
  "bme280.temperature 25.08 °C"
  "bme280.pressure 1006.53 hPa"
  "bme280.humidity 55 %RH"
  "sht3x.temperature 18 °C"
  "sht3x.humidity 45 %RH"
  "ads1115.ain0 1.65 V"
  "ads1115.ain1 3.3 V"
)

"${runner[@]}" "$binary" -c "$work/smoke.json" -a 127.0.0.1 -p -1 >"$work/log" 2>&1 &
server=$!
port=""
for _ in $(seq 200); do
  port=$(sed -n 's/.*Listening for client connections on 127.0.0.1:\([0-9]*\).*/\1/p' "$work/log")
  [ -n "$port" ] && break
  sleep 0.1
done
if [ -z "$port" ]; then
  echo "smoke-devices.sh: $binary did not start" >&2
  cat "$work/log" >&2
  exit 1
fi

# Every reading the bridge publishes for 6 s, one "subject payload" line each.
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'CONNECT {"verbose":false}\r\nSUB devices.smoke.> 1\r\n' >&3
timeout 6 cat <&3 | tr -d '\r' | awk '/^MSG / { subject = $2; next } subject != "" { print subject, $0; subject = "" }' >"$work/readings" || true
exec 3<&-

failed=0
for line in "${expected[@]}"; do
  read -r subject value unit <<<"$line"
  want="\"value\":$value,\"unit\":\"$unit\""
  got=$(grep -m1 "^devices\.smoke\.$subject " "$work/readings" | cut -d' ' -f2- || true)
  if [[ "$got" != *"$want"* ]]; then
    echo "smoke-devices.sh: devices.smoke.$subject: wanted $want, read '${got:-nothing}'" >&2
    failed=1
  fi
done
if [ "$failed" = 1 ]; then
  cat "$work/log" >&2
  exit 1
fi
echo "nats-edge smoke test: ${#expected[@]} simulated readings through $(basename "$(dirname "$binary")")/nats-edge"
