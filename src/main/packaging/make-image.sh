#!/usr/bin/env bash
# Makes the desktop app from target/descent.jar and target/lib: run by `mvn -Pdist package` (profile dist in pom.xml).
#   target/dist/Descent/        app image (macOS: target/dist/Descent.app): own Java runtime, the jars, the datasets,
#                               libtorch unpacked, a class-data (AppCDS) archive
#   target/dist/*.tar.gz        the image packed (Windows: .zip)
#   target/dist/*.deb           Linux, when dpkg-deb and fakeroot are there
# Environment from the pom: APP_VERSION, MAIN_CLASS, PYTORCH_NATIVE (pytorch-native-cpu or -cu124), PYTORCH_FLAVOR.
set -euo pipefail
cd "$(dirname "$0")/../../.."

: "${APP_VERSION:?}" "${MAIN_CLASS:?}" "${PYTORCH_NATIVE:=pytorch-native-cpu}" "${PYTORCH_FLAVOR:=cpu}"
say() { echo "[dist] $*"; }
# runs a command for at most $1 seconds (macOS has no timeout command); polls, so that no helper process is left
# holding Maven's output open
limited() {
  local secs=$1; shift
  "$@" & local pid=$!
  local tenths=0
  while kill -0 "$pid" 2> /dev/null; do
    if [ $tenths -ge $((secs * 10)) ]; then kill "$pid" 2> /dev/null; break; fi
    sleep 0.1; tenths=$((tenths + 1))
  done
  wait "$pid"
}

case "$(uname -s)" in
  Linux*) os=linux ;;
  Darwin*) os=mac ;;
  MINGW* | MSYS* | CYGWIN*) os=windows ;;
  *) echo "[dist] unknown operating system $(uname -s)" >&2; exit 1 ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x86_64 ;;
  arm64 | aarch64) arch=aarch64 ;;
  *) arch=$(uname -m) ;;
esac
platform="$( [ $os = windows ] && echo win || { [ $os = mac ] && echo osx || echo linux; } )-$arch"

jbin="${JAVA_HOME:+$JAVA_HOME/bin/}"
input=target/dist-input
dist=target/dist
rm -rf "$input" "$dist"
mkdir -p "$input" "$dist"

# 1. the jars, without libtorch's jar (it is unpacked below) and without test-only jars
cp target/descent.jar "$input/"
native_jar=
for j in target/lib/*.jar; do
  case "$(basename "$j")" in
    pytorch-native-*) native_jar=$j ;;
    openjfx-monocle-*) ;;
    *) cp "$j" "$input/" ;;
  esac
done
# the datasets beside the jars, where DatasetLocator looks
cp -R datasets "$input/datasets"

# 2. libtorch unpacked (DJL would otherwise unpack 440 MB into ~/.djl.ai on the first start)
if [ -n "$native_jar" ]; then
  tmp=target/dist-libtorch
  rm -rf "$tmp" && mkdir -p "$tmp"
  (cd "$tmp" && "${jbin}jar" xf "../../$native_jar" pytorch)
  mkdir -p "$input/libtorch"
  find "$tmp/pytorch" -type f -exec mv {} "$input/libtorch/" \;
  rm -rf "$tmp"
  # libtorch_cpu.so comes with its symbol table (85 of 440 MB); the dynamic symbols it is linked by stay
  if [ $os = linux ] && command -v strip > /dev/null; then
    for so in "$input"/libtorch/*.so*; do strip --strip-unneeded "$so"; done
  fi
  say "libtorch from $(basename "$native_jar"): $(ls "$input/libtorch" | tr '\n' ' ')"
else
  say "no libtorch for $platform: the image runs the workspaces that need no engine"
fi

# 3. the image. DJL finds libtorch through PYTORCH_LIBRARY_PATH and keeps its JNI library in ENGINE_CACHE_DIR (made
#    at the first start below, so inside the image); JavaFX unpacks its native libraries to javafx.cachedir (likewise).
java_options=(
  "-Dai.djl.offline=true" "-DOPT_OUT_TRACKING=true"
  "-DPYTORCH_FLAVOR=$PYTORCH_FLAVOR"
  "-DENGINE_CACHE_DIR=\$APPDIR/djl" "-DDJL_CACHE_DIR=\$APPDIR/djl"
  "-Djavafx.cachedir=\$APPDIR/javafx"
)
[ -d "$input/libtorch" ] && java_options+=("-DPYTORCH_LIBRARY_PATH=\$APPDIR/libtorch")

# what the jars need from the JDK (checked with jdeps), jdk.management for the benchmarks' CPU times,
# jdk.zipfs and jdk.crypto.ec for DJL's utilities; bin/java stays (no --strip-native-commands): bench starts windows with it
# (--generate-cds-archive: the base class-data archive, which the app's archive below is made on top of)
modules=java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.prefs,java.scripting,java.sql,java.xml,jdk.jfr,jdk.unsupported,jdk.unsupported.desktop,jdk.management,jdk.zipfs,jdk.crypto.ec,jdk.charsets,jdk.localedata

args=(
  --type app-image --dest "$dist" --name Descent --app-version "$APP_VERSION"
  --vendor "Descent" --description "A desktop companion for a university deep-learning course"
  --input "$input" --main-jar descent.jar --main-class "$MAIN_CLASS"
  --add-modules "$modules" --jlink-options "--strip-debug --no-man-pages --no-header-files --generate-cds-archive"
)
for o in "${java_options[@]}"; do args+=(--java-options "$o"); done
case $os in
  linux) args+=(--icon src/main/packaging/descent.png) ;;
  mac) args+=(--icon src/main/packaging/descent.icns --mac-package-identifier app.descent) ;;
  windows)
    args+=(--icon src/main/packaging/descent.ico)
    # Descent.exe opens the window without a console; descent-cli.exe is the same program for the commands
    printf 'win-console=true\n' > target/descent-cli.properties
    args+=(--add-launcher descent-cli=target/descent-cli.properties) ;;
esac
say "jpackage --type app-image ($platform)"
"${jbin}jpackage" "${args[@]}"

case $os in
  linux) image="$dist/Descent"; app="$image/lib/app"; launcher="$image/bin/Descent" ;;
  mac) image="$dist/Descent.app"; app="$image/Contents/app"; launcher="$image/Contents/MacOS/Descent" ;;
  windows) image="$dist/Descent"; app="$image/app"; launcher="$image/descent-cli.exe" ;;
esac

# 4. the first start, made here: DJL writes its JNI library and JavaFX its native libraries into the image
say "first start: $launcher doctor"
if [ -n "$native_jar" ]; then
  limited 300 "$launcher" doctor
else
  limited 300 "$launcher" doctor || true
fi

# 5. class-data archive of a scripted start (the window, up to its first frame), then used by every start
display_ok=1
gui=("$launcher")
if [ $os = linux ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  if command -v xvfb-run > /dev/null; then gui=(xvfb-run -a "$launcher"); else display_ok=0; fi
fi
if [ $display_ok = 1 ]; then
  say "class-data archive from a start of the window"
  rm -f "$app/descent.jsa"
  frame=$(mktemp)
  JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$app/descent.jsa -Xlog:cds=off,cds+dynamic=off -Ddescent.startup.report=$frame" \
    limited 180 "${gui[@]}" || say "the scripted start failed; the image starts without a class-data archive"
  rm -f "$frame"
else
  say "no display and no xvfb-run: class-data archive from the doctor's start only"
  JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$app/descent.jsa" limited 180 "$launcher" doctor > /dev/null || true
fi
if [ -f "$app/descent.jsa" ]; then
  # -Xshare:auto (the default): a moved image whose archive does not match starts without it, no error
  for cfg in "$app"/*.cfg; do
    awk '{ print } /^\[JavaOptions\]/ { print "java-options=-XX:SharedArchiveFile=$APPDIR/descent.jsa";
                                          print "java-options=-Xlog:cds=off,cds+dynamic=off" }' "$cfg" > "$cfg.new"
    mv "$cfg.new" "$cfg"
  done
  say "archive $(du -h "$app/descent.jsa" | cut -f1)"
fi

# the bundle changed after jpackage made it: sign it again, ad hoc, or macOS calls it damaged
if [ $os = mac ] && command -v codesign > /dev/null; then
  codesign --force --deep --sign - "$image"
fi

# 6. archives
base="Descent-$APP_VERSION-$platform"
[ "$PYTORCH_FLAVOR" = cpu ] || base="$base-$PYTORCH_FLAVOR"
case $os in
  windows) (cd "$dist" && "${jbin}jar" --create --no-manifest --file "$base.zip" Descent) ;;
  *) tar -C "$dist" -czf "$dist/$base.tar.gz" "$(basename "$image")" ;;
esac
# (DESCENT_NO_DEB=1 skips it: jpackage asks dpkg about every library, minutes on a busy machine; what it finds
# is the build machine's packages, hundreds of them for libtorch, so linux/control names what the image needs)
if [ $os = linux ] && [ -z "${DESCENT_NO_DEB:-}" ] && command -v dpkg-deb > /dev/null && command -v fakeroot > /dev/null; then
  say "jpackage --type deb"
  "${jbin}jpackage" --type deb --app-image "$image" --dest "$dist" --name descent --app-version "$APP_VERSION" \
    --vendor "Descent" --description "A desktop companion for a university deep-learning course" \
    --linux-package-name descent --linux-shortcut --linux-menu-group Education --icon src/main/packaging/descent.png \
    --resource-dir src/main/packaging/linux --file-associations src/main/packaging/descent-session.properties
fi
say "image $(du -sh "$image" | cut -f1): $image"
ls -la "$dist"
