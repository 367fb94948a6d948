#!/bin/bash
# Build a .dmg for macOS from the .app that PyInstaller made (python3 dev.py build).
#
#   installer/macos/build_dmg.sh            → dist/zairyu-assistant-<version>.dmg
#
# The disk image holds the application and a link to /Applications, so staff install it by
# dragging the icon across. With CODESIGN_IDENTITY set ("Developer ID Application: ..."), the
# .app is signed first (hardened runtime); notarisation is a separate step (installer/README.md).
# Needs macOS (hdiutil, PlistBuddy); run it from anywhere.
set -euo pipefail

cd "$(dirname "$0")/../.."

shopt -s nullglob
apps=(dist/*.app)
if [ ${#apps[@]} -ne 1 ]; then
    echo "build_dmg: expected exactly one .app in dist/ (run: python3 dev.py build)" >&2
    exit 2
fi
app="${apps[0]}"
name="$(/usr/libexec/PlistBuddy -c 'Print :CFBundleName' "$app/Contents/Info.plist")"
version="$(/usr/libexec/PlistBuddy -c 'Print :CFBundleShortVersionString' "$app/Contents/Info.plist")"
dmg="dist/zairyu-assistant-${version}.dmg"

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --force --deep --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$app"
    codesign --verify --deep --strict "$app"
fi

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
ditto "$app" "$staging/$(basename "$app")"     # ditto keeps symlinks, permissions, signatures
ln -s /Applications "$staging/Applications"

rm -f "$dmg"
hdiutil create -volname "$name" -srcfolder "$staging" -fs HFS+ -format UDZO -imagekey zlib-level=9 "$dmg"
hdiutil verify "$dmg"
echo "build_dmg: $dmg"
