#!/usr/bin/env bash
# Rewrites src/Nats.Edge/Layout/method-order.txt, the order in which the native compiler lays out the
# managed methods of nats-edge: first those that run when it starts with no configuration and sits
# idle, then those its client and leafnode traffic runs, then (not listed) everything else.
#
# Why: the kernel maps a binary's code into a process 64 KiB at a time around each page it touches
# (fault-around). Laid out in the compiler's default order, the few hundred KiB a server runs are
# spread over most of its 5 MiB of code, and an idle nats-edge held about 4 MiB of it resident.
# Packed together they take a fraction of that, and the hot path shares fewer cache lines and TLB
# entries with code that never runs.
#
# Usage: packaging/method-order.sh   (after packaging/publish.sh linux-x64; takes a minute or two)
# The methods are found by running the published binary under valgrind's callgrind, which records
# every instruction executed, and naming them with the symbols in nats-edge.dbg. A method renamed
# since the last run simply drops out of the list until the next run; nothing breaks.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=packaging/apt-need.sh
. "$root/packaging/apt-need.sh"
need valgrind python3 binutils

binary="$root/artifacts/linux-x64/nats-edge"
symbols="$root/artifacts/linux-x64/nats-edge.dbg"
order="$root/src/Nats.Edge/Layout/method-order.txt"
[ -x "$binary" ] && [ -f "$symbols" ] || { echo "method-order.sh: run packaging/publish.sh linux-x64 first" >&2; exit 1; }

dotnet build "$root/bench/Nats.Edge.Load" -c Release -v q -nologo >/dev/null
load=(dotnet "$root/bench/Nats.Edge.Load/bin/Release/net10.0/nats-edge-load.dll")

work="$(mktemp -d)"
server=""
hub=""
cleanup() {
  for pid in $server $hub; do kill -TERM "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# valgrind gives up on nats-edge.dbg (it reads the binary's debug link), so it runs a copy alone.
cp "$binary" "$work/nats-edge"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# profile NAME ARGS...: runs nats-edge under callgrind with ARGS until it is ready, then runs the
# function named traffic_NAME against it, stops it and leaves the profile in $work/NAME.callgrind.
profile() {
  local name="$1"; shift
  valgrind --tool=callgrind --dump-instr=yes --callgrind-out-file="$work/$name.callgrind" \
    "$work/nats-edge" "$@" > "$work/$name.log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do
    grep -q "Server is ready" "$work/$name.log" && break
    sleep 0.1
  done
  grep -q "Server is ready" "$work/$name.log" || { cat "$work/$name.log" >&2; exit 1; }
  "traffic_$name"
  kill -TERM "$server"
  wait "$server" || true
  server=""
}

# Idle: what the footprint budget measures (packaging/footprint.sh), a few seconds after start.
traffic_idle() { sleep 3; }

# Traffic: every client workload of the load tool, then messages both ways over a leafnode link to
# a hub (a second nats-edge, not profiled), as a board runs it.
client_port="$(free_port)"
hub_port="$(free_port)"
hub_leaf_port="$(free_port)"
traffic_traffic() {
  local url="nats://127.0.0.1:$client_port" mode
  for mode in pub pubsub fanout queue; do
    "${load[@]}" --mode "$mode" --msgs 20000 --url "$url" >/dev/null
  done
  "${load[@]}" --mode reqrep --msgs 500 --url "$url" >/dev/null
  python3 - "$client_port" "$hub_port" <<'PY'
import socket, sys, time

def connect(port):
    s = socket.create_connection(('127.0.0.1', int(port)), timeout=30)
    s.recv(4096)  # INFO
    s.sendall(b'CONNECT {"verbose":false}\r\nPING\r\n')
    return s

def expect(s, count):
    seen = b''
    while seen.count(b'MSG ') < count:
        seen += s.recv(65536)

board, hub = connect(sys.argv[1]), connect(sys.argv[2])
for publisher, subscriber, subject in ((board, hub, b'up'), (hub, board, b'down')):
    subscriber.sendall(b'SUB ' + subject + b' 1\r\nPING\r\n')
    time.sleep(1)  # the interest crosses the link
    publisher.sendall((b'PUB ' + subject + b' 5\r\nhello\r\n') * 2000 + b'PING\r\n')
    expect(subscriber, 2000)
PY
}

cat > "$work/hub.json" <<EOF
{ "port": $hub_port, "host": "127.0.0.1", "leafnodes": { "port": $hub_leaf_port, "host": "127.0.0.1" } }
EOF
cat > "$work/traffic.json" <<EOF
{ "port": $client_port, "host": "127.0.0.1",
  "leafnodes": { "remotes": [ { "url": "nats-leaf://127.0.0.1:$hub_leaf_port" } ] } }
EOF
"$binary" -c "$work/hub.json" > "$work/hub.log" 2>&1 &
hub=$!

profile idle -a 127.0.0.1 -p -1
profile traffic -c "$work/traffic.json"
kill -TERM "$hub"
wait "$hub" || true
hub=""

# Names the methods whose code ran. Valgrind attributes only the .text section to the binary; the
# managed code sits in the native compiler's own section (__managedcode) and is reported as "???"
# at its run-time address, which is valgrind's load address for a position-independent executable
# (0x108000 on x86-64) plus the section's address in the file.
python3 - "$symbols" "$work/idle.callgrind" "$work/traffic.callgrind" > "$work/order" <<'PY'
import bisect, re, subprocess, sys

symbols_file, profiles = sys.argv[1], sys.argv[2:]
load_base = 0x108000

sections = subprocess.run(['readelf', '-SW', symbols_file], capture_output=True, text=True).stdout
match = re.search(r'__managedcode\s+\S+\s+([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)', sections)
code_start, code_size = int(match.group(1), 16), int(match.group(2), 16)

# A method the runtime calls by an exported name (ThreadEntryPoint, RhNewObject) has that symbol
# too, at the address of the compiler's own name, and the order file is matched against the
# compiler's names only: every name at the address is listed, and the compiler skips the others.
names_at = {}
for line in subprocess.run(['nm', '-S', '--defined-only', symbols_file], capture_output=True, text=True).stdout.splitlines():
    fields = line.split()
    if len(fields) == 4 and fields[2] in 'tT':
        start = int(fields[0], 16)
        if code_start <= start < code_start + code_size:
            names_at.setdefault((start, int(fields[1], 16)), []).append(fields[3])
methods = sorted((start, size, sorted(names)) for (start, size), names in names_at.items())
starts = [m[0] for m in methods]

def methods_run(profile):
    objects, current, position, names = {}, None, 0, {}
    for line in open(profile):
        header = re.match(r'^(c?ob)=\((\d+)\)(?: (.*))?$', line)
        if header:
            kind, index, name = header.groups()
            if name:
                objects[index] = name.strip()
            if kind == 'ob':
                current = index
            continue
        if line[:1] not in '0+-*' or not line.strip():
            continue
        token = line.split()[0]
        if token.startswith('0x'):
            position = int(token, 16)
        elif token[0] == '+':
            position += int(token[1:])
        elif token[0] == '-':
            position -= int(token[1:])
        if objects.get(current) != '???':
            continue
        address = position - load_base
        i = bisect.bisect_right(starts, address) - 1
        if i >= 0 and methods[i][0] <= address < methods[i][0] + max(methods[i][1], 1):
            for name in methods[i][2]:
                names.setdefault(name, methods[i][0])
    # Within one profile, the compiler's own order: it keeps a type's methods side by side.
    return [name for name, _ in sorted(names.items(), key=lambda kv: kv[1])]

listed = set()
for profile in profiles:
    for name in methods_run(profile):
        if name not in listed:
            listed.add(name)
            print(name)
if not any(name.startswith('nats_edge_Program__') for name in listed):
    sys.exit('method-order.sh: no method of nats-edge itself was found in the profile; '
             'has valgrind changed its load address?')
PY

mkdir -p "$(dirname "$order")"
cp "$work/order" "$order"
echo "method-order.sh: $(wc -l < "$order") methods in ${order#"$root"/}"
