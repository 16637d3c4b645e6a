#!/usr/bin/env bash
# Prints the version every artifact carries: Directory.Build.props' <Version>, the one `nats-edge -v` shows.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props")"
[ -n "$version" ] || { echo "version.sh: no <Version> in Directory.Build.props" >&2; exit 1; }
echo "$version"
