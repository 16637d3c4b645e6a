# Sourced by the scripts that need a scratch folder ($work) or start a server (at most one background
# process, $server, its pid): both are gone when the script exits however it exits. No subshell may
# start the process: the EXIT trap must see $server.
work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
