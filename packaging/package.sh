#!/usr/bin/env bash
# Everything a release ships, from a clean checkout, into artifacts/:
#   nats-edge_VERSION_arm64.deb, nats-edge_VERSION_amd64.deb,
#   nats-edge-VERSION-linux-arm64.tar.gz, nats-edge-VERSION-linux-x64.tar.gz, SHA256SUMS,
#   footprint.md (sizes and idle RSS beside nats-server).
# Two native-AOT publishes: about two to four minutes on a 2-core machine.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
version="$("$root/packaging/version.sh")"
out="$root/artifacts"
# Archive timestamps (tarballs and .debs) are the last commit's: they tell which source a package holds,
# not when it was built. The bytes still differ between builds, because the AOT binaries do.
SOURCE_DATE_EPOCH="$(git -C "$root" log -1 --format=%ct)"
export SOURCE_DATE_EPOCH

# shellcheck source=packaging/scratch.sh
. "$root/packaging/scratch.sh"

for rid in linux-arm64 linux-x64; do
  "$root/packaging/publish.sh" "$rid"
  "$root/packaging/build-deb.sh" "$rid"

  # One folder in the tarball: the binary, run as it is (see packaging/README.md, "Just the binary").
  name="nats-edge-$version-$rid"
  stage="$work/$rid"
  mkdir -p "$stage/$name"
  install -m 0755 "$out/$rid/nats-edge" "$stage/$name/"
  install -m 0644 "$root/README.md" "$stage/$name/"
  install -m 0644 "$root/packaging/deb/nats-edge.conf" "$stage/$name/"
  install -m 0644 "$root/LICENSE" "$stage/$name/"
  # What the one binary holds besides nats-edge's own code, and under which licences.
  install -m 0644 "$root/packaging/deb/copyright" "$stage/$name/COPYRIGHT"
  tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" -cf - "$name" \
    | gzip -9n > "$out/$name.tar.gz"
done

(cd "$out" && sha256sum "nats-edge_${version}_arm64.deb" "nats-edge_${version}_amd64.deb" \
  "nats-edge-$version-linux-arm64.tar.gz" "nats-edge-$version-linux-x64.tar.gz" > SHA256SUMS)
cat "$out/SHA256SUMS"

"$root/packaging/footprint.sh" | tee "$out/footprint.md"
