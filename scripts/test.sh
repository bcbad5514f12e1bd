#!/usr/bin/env bash
# 运行全部测试。自动准备 .venv；以 root 运行且缺少浏览器、中文字体或 PDF 工具时，用 apt-get 安装。
# 用法：bash scripts/test.sh [pytest 参数]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v npm >/dev/null 2>&1 || need+=(npm)  # axe-core for the accessibility tests
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)  # import of .doc/.wps
[ -d /usr/share/fonts/opentype/noto ] || fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "» 安装系统软件：${need[*]} ……"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "提示：缺少 ${need[*]}，需要浏览器或 PDF 的测试将被跳过（sudo apt-get install ${need[*]}）。" >&2
  fi
fi

# axe-core (accessibility checks in tests/test_a11y.py): the exact version of tests/package.json
if command -v npm >/dev/null 2>&1 && ! node -e 'const v = p => require("./tests/" + p);
    process.exit(v("node_modules/axe-core/package.json").version ===
                 v("package.json").devDependencies["axe-core"] ? 0 : 1)' 2>/dev/null; then
  echo "» 安装测试用的 axe-core（tests/node_modules）……"
  (cd tests && npm ci --no-audit --no-fund --loglevel=error)
fi

export NO_MKDOCS_2_WARNING=1
.venv/bin/ruff check site_builder tests bench
exec .venv/bin/python -m pytest --durations=15 "$@"
