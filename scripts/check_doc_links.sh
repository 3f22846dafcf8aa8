#!/usr/bin/env bash
# Fails when a tracked Markdown file links to, or shows, a file of this repository that is not
# tracked (a figure in docs/ that .gitignore kept out, a renamed experiment): what a reader of a
# fresh clone would find broken. Web links and #anchors are not checked. Run by ctest as doc_links.
set -euo pipefail
cd "$(dirname "$0")/.."
tracked=$(git ls-files)
bad=0
while IFS= read -r md; do
  dir=$(dirname "$md")
  # ](target) and ](target "title"), one per line
  while IFS= read -r target; do
    target=${target%%#*}
    target=${target%% *}
    case "$target" in "" | http://* | https://* | mailto:*) continue ;; esac
    path=$(realpath -m --relative-to=. "$dir/$target")
    if ! grep -qxF "$path" <<<"$tracked" && ! grep -q "^$path/" <<<"$tracked"; then
      echo "$md: links to $target, which is not a tracked file"
      bad=1
    fi
  done < <(grep -o '](\([^)]*\))' "$md" | sed 's/^](\(.*\))$/\1/')
done < <(git ls-files '*.md')
[ "$bad" -eq 0 ] && echo "check_doc_links: every local link of the tracked Markdown files is tracked"
exit "$bad"
