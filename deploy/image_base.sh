#!/bin/sh
# A stand-in for the Dockerfile's base image, python:3.11-slim-bookworm, for a machine that
# reaches Debian's mirror and PyPI but no container registry: Debian bookworm (debootstrap,
# minbase) with its python3.11, and a virtual environment at /usr/local so that `python` and
# `pip` are on the PATH and `pip install .` installs as in the official image (no PEP 668
# refusal, packages beside the interpreter). Tagged localhost/python:3.11-slim-bookworm, which
# `buildah bud` finds for `FROM python:3.11-slim-bookworm` without reaching a registry.
#
# Root, buildah and debootstrap (apt-get install buildah debootstrap); README, "Checking the
# image without Docker". Usage: deploy/image_base.sh [WORK_DIR]   (default /tmp/image17-base)
# Then, from the project's folder (the -v only behind a TLS-inspecting proxy, so that pip in
# the build trusts the host's certificates; the image does not keep them):
#   buildah --storage-driver vfs bud --isolation chroot --pull=never \
#       -v /etc/ssl/certs/ca-certificates.crt:/etc/ssl/certs/ca-certificates.crt:ro \
#       -t localhost/linkrete:latest .
set -eu

WORK=${1:-/tmp/image17-base}
TAG=localhost/python:3.11-slim-bookworm
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
BUILDAH="buildah --storage-driver vfs"
ROOTFS="$WORK/rootfs"

if [ ! -x "$ROOTFS/usr/bin/apt-get" ]; then
    rm -rf "$ROOTFS"
    debootstrap --variant=minbase bookworm "$ROOTFS" "$MIRROR"
fi

# A machine that reaches PyPI through a TLS-inspecting proxy trusts its certificate authority
# for the upgrade of pip only (EXTRA_CA_CERTS, a PEM file); the image does not keep it.
rm -f "$ROOTFS/tmp/extra-ca.crt"
if [ -n "${EXTRA_CA_CERTS:-}" ]; then cp "$EXTRA_CA_CERTS" "$ROOTFS/tmp/extra-ca.crt"; fi

# What the official image has besides Python: certificates, /etc/services and time zones. A
# recent pip (24.2 or later) reads the system's certificates, as the official image's does.
env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    chroot "$ROOTFS" /bin/sh -eu <<'SETUP'
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends python3.11 python3.11-venv ca-certificates netbase tzdata
python3.11 -m venv /usr/local
bundle=/etc/ssl/certs/ca-certificates.crt
if [ -f /tmp/extra-ca.crt ]; then
    cat /etc/ssl/certs/ca-certificates.crt /tmp/extra-ca.crt > /tmp/bundle.crt
    bundle=/tmp/bundle.crt
fi
PIP_CERT=$bundle /usr/local/bin/pip install --no-cache-dir --upgrade 'pip>=24.2'
rm -f /tmp/extra-ca.crt /tmp/bundle.crt
apt-get clean
rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /root/.cache /etc/resolv.conf /etc/hostname
SETUP

tar -C "$ROOTFS" --numeric-owner -cf "$WORK/rootfs.tar" .
ctr=$($BUILDAH from scratch)
$BUILDAH add "$ctr" "$WORK/rootfs.tar" /
$BUILDAH config \
    --env PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin \
    --env LANG=C.UTF-8 \
    --cmd python3 "$ctr"
$BUILDAH commit --rm "$ctr" "$TAG"
rm -f "$WORK/rootfs.tar"
$BUILDAH images "$TAG"
