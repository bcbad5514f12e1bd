#!/usr/bin/env bash
# 生成并在本机预览示例县（望川县）网站：http://127.0.0.1:8000/
# 用法：bash scripts/preview.sh [地址:端口]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
addr="${1:-127.0.0.1:8000}"
.venv/bin/site-builder check
.venv/bin/site-builder build
echo "» 网站已生成到 site/ 文件夹。"
exec .venv/bin/site-builder serve --addr "$addr"
