#!/usr/bin/env bash
# Builds the base image `localhost/conduit-base:bookworm-node24` where no image registry is
# reachable: a Debian bookworm root filesystem from debootstrap (Debian's mirror), with tini, Node 24
# (the binary the repo already carries, from the npm package `node`), npm (from the npm registry),
# user 1000, and the host's certificate authorities. What the public `node:24-bookworm-slim` image
# provides, made here.
set -euo pipefail
cd "$(dirname "$0")/../.."
IMAGE=${CONDUIT_BASE_IMAGE:-localhost/conduit-base:bookworm-node24}
for tool in podman runc debootstrap; do
  if ! command -v "$tool" >/dev/null; then
    command -v apt-get >/dev/null || { echo "$tool is missing: install podman, runc and debootstrap" >&2; exit 1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc debootstrap >/dev/null
    break
  fi
done
podman() { command podman --runtime runc --cgroup-manager=cgroupfs "$@"; }
if podman image exists "$IMAGE"; then echo "$IMAGE exists"; exit 0; fi

work=$(mktemp -d /tmp/conduit-base.XXXXXX)
trap 'rm -rf "$work"' EXIT
debootstrap --variant=minbase --include=tini,ca-certificates bookworm "$work/rootfs" http://deb.debian.org/debian >"$work/debootstrap.log"
install -m 755 "$(readlink -f node_modules/node/bin/node)" "$work/rootfs/usr/local/bin/node"
mkdir -p "$work/rootfs/usr/local/lib/node_modules/npm"
(cd "$work" && npm pack npm@11 --silent >/dev/null && tar -xzf npm-*.tgz -C rootfs/usr/local/lib/node_modules/npm --strip-components=1)
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$work/rootfs/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$work/rootfs/usr/local/bin/npx"
chroot "$work/rootfs" /usr/sbin/groupadd --gid 1000 node
chroot "$work/rootfs" /usr/sbin/useradd --uid 1000 --gid node --create-home --shell /bin/sh node
# The host's certificate authorities: builds behind a TLS-inspecting egress proxy (as on these
# machines) reach the npm registry as the host does.
cp /etc/ssl/certs/ca-certificates.crt "$work/rootfs/etc/ssl/certs/ca-certificates.crt"
rm -rf "$work/rootfs"/var/cache/apt/archives/*.deb "$work/rootfs"/var/lib/apt/lists/*
tar -C "$work/rootfs" -c . | podman import \
  --change 'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
  --change 'CMD ["node"]' - "$IMAGE" >/dev/null
echo "$IMAGE built"
