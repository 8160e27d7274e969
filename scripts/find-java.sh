# Sourced (bash) by ./test.sh and ./jras. jras_find_java finds a JDK >= 25 and sets
# JAVA_HOME (exported, for ./mvnw) and JAVA (its java binary). Order: $JAVA_HOME, the
# `java` on PATH, then /usr/lib/jvm/* (newest first). A JDK, not a JRE: bin/javac is needed.
# Reads the JDK's release file, so it starts no JVM.
JRAS_JAVA_MIN=25

# _jras_java_feature HOME: the feature release (8, 17, 25, ...) of the JDK at HOME, or nothing
_jras_java_feature() {
  local v=
  [[ -r $1/release ]] && v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release")
  [[ -z $v && -x $1/bin/java ]] && v=$("$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p')
  v=${v#1.}
  v=${v%%[!0-9]*}
  echo "$v"
}

jras_find_java() {
  local candidates=() home feature on_path=
  [[ -n ${JAVA_HOME:-} ]] && candidates+=("$JAVA_HOME")
  if on_path=$(command -v java 2>/dev/null); then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$on_path")")")")
  fi
  for home in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -r -V); do candidates+=("${home%/}"); done
  for home in "${candidates[@]}"; do
    [[ -x $home/bin/java && -x $home/bin/javac ]] || continue
    feature=$(_jras_java_feature "$home")
    if [[ $feature =~ ^[0-9]+$ ]] && (( feature >= JRAS_JAVA_MIN )); then
      export JAVA_HOME=$home
      JAVA=$home/bin/java
      return 0
    fi
  done
  {
    echo "error: jras needs a JDK $JRAS_JAVA_MIN or newer, and found none."
    echo "  looked at: JAVA_HOME=${JAVA_HOME:-(unset)}, java on PATH=${on_path:-(none)}, /usr/lib/jvm/*"
    echo "  install a JDK $JRAS_JAVA_MIN (e.g. Temurin 25) and point JAVA_HOME at it."
  } >&2
  return 1
}
