# Sourced by ./mvnw and ./muster: makes JAVA_HOME point at a JDK >= 21, since the system default may be older
# (Debian 12's is 17). Keeps JAVA_HOME when it is already new enough; otherwise picks the newest JDK under
# /usr/lib/jvm. When none is found JAVA_HOME is left alone, and the build's enforcer rule says what to install.

muster_java_major() {
  # The JDK's release file names its version without starting a JVM: JAVA_VERSION="25.0.1" (or "1.8.0_392").
  local release="$1/release" version
  [ -x "$1/bin/java" ] || { echo 0; return; }
  if [ -f "$release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$release")
  else
    version=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  version=${version#1.}
  echo "${version%%[.+_-]*}" | grep -E '^[0-9]+$' || echo 0
}

muster_select_jdk() {
  local best="" best_major=0 candidate major
  if [ -n "${JAVA_HOME:-}" ] && [ "$(muster_java_major "$JAVA_HOME")" -ge 21 ]; then
    return 0
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -d "$candidate" ] || continue
    major=$(muster_java_major "$candidate")
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate
      best_major=$major
    fi
  done
  if [ -n "$best" ]; then
    export JAVA_HOME="$best"
  fi
}

muster_select_jdk

# Maven's own libraries (Guice, Guava) use sun.misc.Unsafe, which JDK 24+ warns about on every build.
if [ -n "${JAVA_HOME:-}" ] && [ "$(muster_java_major "$JAVA_HOME")" -ge 24 ]; then
  case " ${MAVEN_OPTS:-} " in
    *sun-misc-unsafe-memory-access*) ;;
    *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
  esac
fi
