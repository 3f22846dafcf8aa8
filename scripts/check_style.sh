#!/usr/bin/env bash
# Fails when clang-format (.clang-format at the root) would change a tracked C++ file; prints
# them. Run by ctest as code_style. Fix with: clang-format -i FILE...
set -euo pipefail
cd "$(dirname "$0")/.."
bad=()
while IFS= read -r f; do
  clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done < <(git ls-files '*.cpp' '*.hpp')
if [ ${#bad[@]} -gt 0 ]; then
  printf 'clang-format would change: %s\n' "${bad[@]}"
  exit 1
fi
echo "check_style: all C++ files formatted"
