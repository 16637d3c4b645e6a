# Sourced by the scripts that start a server: a scratch folder ($work) and at most one background
# process ($server, its pid), both gone when the script exits however it exits. No subshell may
# start the process: the EXIT trap must see $server.
work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
