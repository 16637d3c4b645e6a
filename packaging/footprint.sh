#!/usr/bin/env bash
# Prints the footprint budget as a Markdown table: binary size and idle RSS of nats-edge for
# linux-x64 and linux-arm64, beside Debian's nats-server for the same architectures.
# Needs artifacts/linux-x64/nats-edge and artifacts/linux-arm64/nats-edge (packaging/publish.sh).
# Exits 1 when nats-edge is not below nats-server in a row that is a goal: both binary sizes and the
# x64 idle RSS (the arm64 RSS, measured under qemu, is indicative only).
#
# Idle RSS: `ps -o rss` 3 s after "Server is ready", nothing connected. arm64 runs under qemu-aarch64,
# whose process also holds qemu itself: its code, its heap, one malloc arena per emulated thread and
# the translated code, all of which grow with the guest's thread count, none of which a board has.
# qemu-user places the guest's own mappings (the binary, its libraries, its heap and stacks) low in
# the address space, below 1 TiB, and its own above; the arm64 figure sums the guest's side only.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=packaging/apt-need.sh
. "$root/packaging/apt-need.sh"
need nats-server
need_arm64_runtime

cache="$root/artifacts/cache"
mkdir -p "$cache"
# Debian's arm64 nats-server, unpacked, never installed: it would replace the host's.
if ! [ -x "$cache/nats-server-arm64/usr/sbin/nats-server" ]; then
  # Sandbox user root: apt's _apt user may not write into the checkout.
  (cd "$cache" && apt-get download -qq -o APT::Sandbox::User=root nats-server:arm64)
  dpkg-deb -x "$(compgen -G "$cache/nats-server_*_arm64.deb" | tail -n1)" "$cache/nats-server-arm64"
fi

# shellcheck source=packaging/scratch.sh
. "$root/packaging/scratch.sh"

mib() { awk -v bytes="$1" 'BEGIN { printf "%.2f MiB", bytes / 1048576 }'; }

# The budget is the server with no configuration at all: NATS_EDGE_ variables that the calling shell
# carries would load nats-edge's configuration stack, which a board with no config never loads.
unconfigured=(env)
while IFS= read -r name; do
  unconfigured+=(-u "$name")
done < <(compgen -e | grep '^NATS_EDGE_' || true)

# idle_rss x64|arm64 BINARY: starts BINARY on a free loopback port, waits until it is ready and
# settled, sets rss to its resident set (in bytes), stops it with SIGTERM.
idle_rss() {
  local arch="$1" binary="$2" log="$work/server.log" kib
  if [ "$arch" = arm64 ]; then
    "${unconfigured[@]}" qemu-aarch64 "$binary" -a 127.0.0.1 -p -1 > "$log" 2>&1 &
  else
    "${unconfigured[@]}" "$binary" -a 127.0.0.1 -p -1 > "$log" 2>&1 &
  fi
  server=$!
  for _ in $(seq 1 200); do
    grep -q "Server is ready" "$log" && break
    sleep 0.05
  done
  grep -q "Server is ready" "$log" || { cat "$log" >&2; echo "footprint.sh: $binary did not start" >&2; exit 1; }
  sleep 3
  if [ "$arch" = arm64 ]; then
    # A mapping's start address of at most 10 hex digits lies below 1 TiB: the guest's side.
    kib="$(awk '
      /^[0-9a-f]+-[0-9a-f]+ / { split($1, range, "-"); guest = length(range[1]) <= 10 }
      /^Rss:/ && guest { total += $2 }
      END { print total }' "/proc/$server/smaps")"
  else
    kib="$(ps -o rss= -p "$server" | tr -d ' ')"
  fi
  kill -TERM "$server"
  wait "$server" || true
  server=""
  rss=$((kib * 1024))
}

version="$("$root/packaging/version.sh")"
reference_version="$(/usr/sbin/nats-server --version | sed 's/^nats-server: v//')"
edge_x64="$root/artifacts/linux-x64/nats-edge"
edge_arm64="$root/artifacts/linux-arm64/nats-edge"
server_x64=/usr/sbin/nats-server
server_arm64="$cache/nats-server-arm64/usr/sbin/nats-server"

idle_rss x64 "$edge_x64"; edge_x64_rss=$rss
idle_rss x64 "$server_x64"; server_x64_rss=$rss
idle_rss arm64 "$edge_arm64"; edge_arm64_rss=$rss
idle_rss arm64 "$server_arm64"; server_arm64_rss=$rss

over=0
# row LABEL EDGE_BYTES SERVER_BYTES goal|indicative: one table row; a goal row nats-edge is not below
# nats-server in marks the run as over budget.
row() {
  local verdict="below"
  if [ "$2" -ge "$3" ]; then
    verdict="NOT below"
    if [ "$4" = goal ]; then over=1; fi
  fi
  verdict="$verdict, $(awk -v edge="$2" -v server="$3" 'BEGIN { printf "%.2f×", edge / server }')"
  if [ "$4" = indicative ]; then verdict="$verdict (indicative)"; fi
  echo "| $1 | $(mib "$2") | $(mib "$3") | $verdict |"
}

echo "| | nats-edge $version | nats-server $reference_version (Debian) | nats-edge is |"
echo "|---|---|---|---|"
row "binary, linux-x64" "$(stat -c %s "$edge_x64")" "$(stat -c %s "$server_x64")" goal
row "binary, linux-arm64" "$(stat -c %s "$edge_arm64")" "$(stat -c %s "$server_arm64")" goal
row "idle RSS, linux-x64" "$edge_x64_rss" "$server_x64_rss" goal
row "idle RSS, linux-arm64 under qemu" "$edge_arm64_rss" "$server_arm64_rss" indicative

if [ "$over" = 1 ]; then
  echo "footprint.sh: nats-edge is over its footprint budget (packaging/README.md, Footprint)" >&2
  exit 1
fi
