# Sourced by ./mvnw, ./haven and .ci/run: Haven needs a JDK 25 or newer.
# Keeps JAVA_HOME when it already points at one; otherwise looks in /usr/lib/jvm
# (where Debian and Temurin packages install) and exports the first one found.
haven_jdk_major() {
  [ -f "$1/release" ] || { echo 0; return; }
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
}
if [ -z "${JAVA_HOME-}" ] || [ "$(haven_jdk_major "$JAVA_HOME")" -lt 25 ] 2>/dev/null; then
  haven_found=""
  for haven_dir in $(find /usr/lib/jvm /Library/Java/JavaVirtualMachines -mindepth 1 -maxdepth 1 2>/dev/null | sort -r); do
    [ -d "$haven_dir/Contents/Home" ] && haven_dir="$haven_dir/Contents/Home"
    if [ "$(haven_jdk_major "$haven_dir")" -ge 25 ] 2>/dev/null; then haven_found="$haven_dir"; break; fi
  done
  if [ -n "$haven_found" ]; then
    JAVA_HOME="$haven_found"; export JAVA_HOME
  else
    echo "Haven needs JDK 25 or newer: install one and set JAVA_HOME to it." >&2
    exit 1
  fi
fi
