#!/usr/bin/env bash
# 准备运行环境：在项目里创建 .venv 并安装依赖（已安装且依赖未变时跳过）。
# 被 scripts/preview.sh 和 scripts/test.sh 调用，也可单独运行。
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "需要 Python 3.11 或更新版本（当前：$("$PYTHON" --version 2>&1)）。" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  echo "» 创建 Python 虚拟环境 .venv ……"
  if ! "$PYTHON" -m venv .venv; then
    echo "无法创建虚拟环境。Debian/Ubuntu 上请先运行：apt-get install python3-venv" >&2
    exit 1
  fi
fi
stamp=.venv/.installed-$(cat pyproject.toml | sha1sum | cut -c1-12)
if [ ! -f "$stamp" ]; then
  echo "» 安装依赖（第一次需要几分钟）……"
  .venv/bin/python -m pip install --quiet --upgrade pip
  # setuptools' "Editable installation" notice (a box of asterisks about same-named folders) is
  # not about anything the user can act on
  PYTHONWARNINGS="ignore:Editable installation" .venv/bin/python -m pip install --quiet -e '.[test]'
  rm -f .venv/.installed-*
  touch "$stamp"
fi
